package org.signon.mail.journal;

/**
 * What the journal says became of one earlier message.
 *
 * @param entry       its last journal row
 * @param delivered   true when the server accepted it; false when the outcome is unknown
 * @param interrupted true when the run stopped between the intent row and the server's reply
 */
public record PriorDelivery(JournalEntry entry, boolean delivered, boolean interrupted) {

    /** One line for a report: when and with which Message-ID. */
    public String describe() {
        return (delivered ? "sent " : "attempted ") + entry.time() + " as " + entry.messageId();
    }
}
