package org.signon.mail;

import java.nio.file.Path;
import org.signon.SignonException;

/** A message that cannot be built, addressed, journaled or delivered. */
public class MailException extends SignonException {

    public MailException(Kind kind, Path file, long line, String field, String message, Throwable cause) {
        super(kind, file, line, field, message, cause);
    }

    public MailException(Kind kind, Path file, long line, String message) {
        super(kind, file, line, message);
    }

    public MailException(Kind kind, String message, Throwable cause) {
        super(kind, null, 0, null, message, cause);
    }

    public MailException(Kind kind, String message) {
        super(kind, null, 0, message);
    }

    /** A wrong value at {@code origin}, Kind DATA. */
    public static MailException data(Origin origin, String message) {
        return new MailException(Kind.DATA, origin.file(), origin.line(), origin.field(), message, null);
    }
}
