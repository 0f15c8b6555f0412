package org.signon.mail.send;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.signon.mail.journal.JournalHistory;
import org.signon.mail.journal.PriorDelivery;
import org.signon.mail.message.OutgoingMessage;

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
        /**
         * Asked for with {@code --resend-to}, but the same content already went to the same
         * people: overriding a hold never sends one version twice.
         */
        SKIP_SENT_ASKED,
        /** The same content may have been delivered: a connection was lost or a run was killed. */
        SKIP_UNCERTAIN,
        /** A recipient already got another version of this letter. */
        SKIP_CHANGED
    }

    /** How far the user overrides the journal for one message. */
    public enum Resend {
        /** Follow the journal. */
        NO,
        /**
         * {@code --resend-to}: send it although it is held back (uncertain, or a recipient got
         * another version), but not when this very content was delivered already.
         */
        HELD_BACK,
        /** {@code --resend}: send it whatever the journal says. */
        ALWAYS
    }

    /** {@link #plan(List, JournalHistory, Function)} with every message or none sent again on purpose. */
    public static List<PlannedMessage> plan(List<OutgoingMessage> messages, JournalHistory history, boolean resend) {
        return plan(messages, history, m -> resend ? Resend.ALWAYS : Resend.NO);
    }

    /**
     * Decides for each message. A message is skipped when the journal shows the same content
     * delivered before, unless {@code resend} says {@link Resend#ALWAYS}. It is held back when
     * the same content may have been delivered (uncertain, or a run killed while sending it) or
     * another version went to one of its To addresses, unless {@code resend} says more than
     * {@link Resend#NO}.
     */
    public static List<PlannedMessage> plan(List<OutgoingMessage> messages, JournalHistory history,
            Function<OutgoingMessage, Resend> resend) {
        return messages.stream().map(m -> decide(m, history, resend.apply(m))).toList();
    }

    private static PlannedMessage decide(OutgoingMessage message, JournalHistory history, Resend resend) {
        if (resend == Resend.ALWAYS) {
            return new PlannedMessage(message, Decision.SEND, Optional.empty());
        }
        Optional<PriorDelivery> same = history.sameContent(message.contentHash());
        if (same.isPresent() && same.get().delivered()) {
            return new PlannedMessage(message, resend == Resend.HELD_BACK ? Decision.SKIP_SENT_ASKED : Decision.SKIP_SENT, same);
        }
        if (resend == Resend.HELD_BACK) {
            return new PlannedMessage(message, Decision.SEND, Optional.empty());
        }
        if (same.isPresent()) {
            return new PlannedMessage(message, Decision.SKIP_UNCERTAIN, same);
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
            case SKIP_SENT_ASKED -> "already sent with the same content (" + prior.orElseThrow().describe()
                    + "); --resend-to never sends the same version twice: use --resend to send it again on purpose";
            case SKIP_UNCERTAIN -> "uncertain: may have been delivered (" + prior.orElseThrow().describe()
                    + (prior.orElseThrow().interrupted() ? ", run interrupted" : ", connection lost")
                    + "); check, then use " + resendOption(message);
            case SKIP_CHANGED -> "already received a different version of this letter ("
                    + String.join(", ", prior.orElseThrow().entry().to()) + ", " + prior.orElseThrow().describe()
                    + "); use " + resendOption(message) + " to send this version";
        };
    }
}
