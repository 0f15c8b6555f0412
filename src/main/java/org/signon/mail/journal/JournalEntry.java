package org.signon.mail.journal;

import java.time.Instant;
import java.util.List;
import org.signon.mail.message.ContentHash;
import org.signon.mail.message.OutgoingMessage;

/**
 * One row of the send journal.
 *
 * @param time        when the row was written, UTC
 * @param status      what happened
 * @param messageId   the Message-ID, {@code <...>}
 * @param recipients  every envelope address (To, Cc, Bcc)
 * @param subject     the subject
 * @param contentHash {@link ContentHash} of what the recipients get
 * @param to          the To addresses alone, to recognize a recipient who got another version
 */
public record JournalEntry(
        Instant time,
        JournalStatus status,
        String messageId,
        List<String> recipients,
        String subject,
        String contentHash,
        List<String> to) {

    public JournalEntry {
        recipients = List.copyOf(recipients);
        to = List.copyOf(to);
    }

    public static JournalEntry of(OutgoingMessage message, JournalStatus status, Instant time) {
        return new JournalEntry(time, status, message.messageId(), message.envelope().recipientAddresses(),
                message.envelope().subject(), message.contentHash(), message.envelope().toAddresses());
    }
}
