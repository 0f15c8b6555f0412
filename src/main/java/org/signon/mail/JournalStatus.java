package org.signon.mail;

import java.util.Locale;
import java.util.Optional;

/** The {@code status} column of the send journal. */
public enum JournalStatus {
    /** Written just before the end of the message data goes to the server: the intent. */
    SENDING,
    /** The server accepted the message. */
    SENT,
    /** The server refused the complete message (a reply to the final "."). */
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
