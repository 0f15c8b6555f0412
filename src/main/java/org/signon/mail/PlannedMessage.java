package org.signon.mail;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A message and what this run will do with it, given the journal.
 *
 * @param message  the message
 * @param decision send it, or why not
 * @param prior    the earlier message the decision is based on
 */
public record PlannedMessage(OutgoingMessage message, Decision decision, Optional<PriorDelivery> prior) {

    /** What to do with a message. */
    public enum Decision {
        SEND,
        /** The same content already went to the same people. */
        SKIP_SENT,
        /** The same content may have been delivered: a connection was lost or a run was killed. */
        SKIP_UNCERTAIN,
        /** A recipient already got another version of this letter. */
        SKIP_CHANGED
    }

    /** {@link #plan(List, JournalHistory, Predicate)} with every message or none sent again on purpose. */
    public static List<PlannedMessage> plan(List<OutgoingMessage> messages, JournalHistory history, boolean resend) {
        return plan(messages, history, m -> resend);
    }

    /**
     * Decides for each message: unless {@code resend} accepts it, a message is skipped when the
     * journal shows the same content sent (or possibly sent) before, or another version sent to
     * one of its To addresses.
     */
    public static List<PlannedMessage> plan(List<OutgoingMessage> messages, JournalHistory history,
            Predicate<OutgoingMessage> resend) {
        return messages.stream().map(m -> decide(m, history, resend.test(m))).toList();
    }

    private static PlannedMessage decide(OutgoingMessage message, JournalHistory history, boolean resend) {
        if (resend) {
            return new PlannedMessage(message, Decision.SEND, Optional.empty());
        }
        Optional<PriorDelivery> same = history.sameContent(message.contentHash());
        if (same.isPresent()) {
            return new PlannedMessage(message, same.get().delivered() ? Decision.SKIP_SENT : Decision.SKIP_UNCERTAIN, same);
        }
        Optional<PriorDelivery> other = history.otherVersionTo(message.envelope().toAddresses(), message.contentHash());
        if (other.isPresent()) {
            return new PlannedMessage(message, Decision.SKIP_CHANGED, other);
        }
        return new PlannedMessage(message, Decision.SEND, Optional.empty());
    }

    /** The option that sends just this message again: {@code --resend-to jane@example.com}. */
    public static String resendOption(OutgoingMessage message) {
        return "--resend-to " + String.join(" --resend-to ", message.envelope().toAddresses());
    }

    /** Why the message is not sent, for a report line; empty for {@link Decision#SEND}. */
    public String reason() {
        return switch (decision) {
            case SEND -> "";
            case SKIP_SENT -> "already sent with the same content (" + prior.orElseThrow().describe() + ")";
            case SKIP_UNCERTAIN -> "uncertain: may have been delivered (" + prior.orElseThrow().describe()
                    + (prior.orElseThrow().interrupted() ? ", run interrupted" : ", connection lost")
                    + "); check, then use " + resendOption(message);
            case SKIP_CHANGED -> "already received a different version of this letter ("
                    + String.join(", ", prior.orElseThrow().entry().to()) + ", " + prior.orElseThrow().describe()
                    + "); use " + resendOption(message) + " to send this version";
        };
    }
}
