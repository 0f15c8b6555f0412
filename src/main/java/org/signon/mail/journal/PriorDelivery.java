package org.signon.mail.journal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a journal says became of one earlier message.
 *
 * @param entry        its last journal row
 * @param delivered    true when the server accepted it; false when the outcome is unknown
 * @param interrupted  true when the run stopped between the intent row and the server's reply
 * @param otherJournal the journal of another letter file that records it (a renamed or copied
 *                     letter); empty when it is this letter's own journal
 */
public record PriorDelivery(JournalEntry entry, boolean delivered, boolean interrupted, Optional<Path> otherJournal) {

    /** A delivery recorded in this letter's own journal. */
    public PriorDelivery(JournalEntry entry, boolean delivered, boolean interrupted) {
        this(entry, delivered, interrupted, Optional.empty());
    }

    /** One line for a report: when and with which Message-ID, and where, when not in this letter's journal. */
    public String describe() {
        String when = (delivered ? "sent " : "attempted ") + entry.time() + " as " + entry.messageId();
        return otherJournal.map(journal -> "recorded in " + journal + ": " + when).orElse(when);
    }
}
