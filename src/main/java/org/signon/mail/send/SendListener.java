package org.signon.mail.send;

import org.signon.mail.message.OutgoingMessage;

/** Follows a run as it goes, for progress display. Called on the sending thread. */
public interface SendListener {

    SendListener NONE = new SendListener() {
    };

    /** Before the first message; {@code toSend} of {@code total} are to be sent. */
    default void started(int total, int toSend) {
    }

    /** A failed attempt that will be retried after {@code delayMillis}. */
    default void retrying(OutgoingMessage message, int attempt, long delayMillis, String reason) {
    }

    /** After each message, sent or not. */
    default void finished(MessageResult result) {
    }
}
