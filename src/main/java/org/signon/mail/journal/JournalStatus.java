package org.signon.mail.journal;

import java.util.Locale;
import java.util.Optional;

/** The {@code status} column of the send journal. */
public enum JournalStatus {
    /** The intent: written as the message starts, on disk before its end goes to the server. */
    SENDING,
    /** The server accepted the message. */
    SENT,
    /** Not delivered: the server refused it, or the connection was lost before its end was sent. */
    FAILED,
    /** The connection was lost after the message data was sent: it may have been delivered. */
    UNCERTAIN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<JournalStatus> parse(String value) {
        for (JournalStatus status : values()) {
            if (status.key().equals(value.strip())) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
