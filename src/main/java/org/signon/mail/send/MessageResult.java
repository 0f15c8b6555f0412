package org.signon.mail.send;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.signon.mail.journal.PriorDelivery;
import org.signon.mail.message.OutgoingMessage;

/**
 * What became of one message in a run.
 *
 * @param message      the message
 * @param status       the outcome
 * @param detail       the reason or server reply, empty when there is nothing to add
 * @param otherJournal for a message not sent: the journal of another letter file whose record
 *                     decided it (a renamed or copied letter); empty otherwise
 */
public record MessageResult(OutgoingMessage message, Status status, String detail, Optional<Path> otherJournal) {

    public MessageResult(OutgoingMessage message, Status status, String detail) {
        this(message, status, detail, Optional.empty());
    }

    /** Outcomes; {@link #key()} is the name in {@code --json} output. */
    public enum Status {
        /** Dry run: would be sent. */
        WOULD_SEND,
        /** Accepted by the server in this run. */
        SENT,
        /** Not sent: the journal shows the same content already sent. */
        SKIPPED,
        /** Not sent: an earlier attempt may have been delivered. */
        SKIPPED_UNCERTAIN,
        /** Not sent: a recipient already got another version. */
        SKIPPED_CHANGED,
        /** The connection was lost after the message was sent: it may have been delivered. */
        UNCERTAIN,
        /** Refused by the server, or retries ran out. */
        FAILED,
        /** The run stopped before this message. */
        NOT_ATTEMPTED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether this outcome leaves nothing to do. */
        public boolean done() {
            return this == WOULD_SEND || this == SENT || this == SKIPPED;
        }

        /** Whether running again would try this message: it was refused, cut off or not reached. */
        public boolean retried() {
            return this == FAILED || this == NOT_ATTEMPTED;
        }
    }

    /** The result of a message this run does not send, by the planner's decision. */
    public static MessageResult notSending(PlannedMessage planned) {
        Status status = switch (planned.decision()) {
            case SEND -> throw new IllegalArgumentException("message " + planned.message().position() + " is to be sent");
            case SKIP_SENT, SKIP_SENT_ASKED -> Status.SKIPPED;
            case SKIP_UNCERTAIN -> Status.SKIPPED_UNCERTAIN;
            case SKIP_CHANGED -> Status.SKIPPED_CHANGED;
        };
        return new MessageResult(planned.message(), status, planned.reason(),
                planned.prior().flatMap(PriorDelivery::otherJournal));
    }
}
