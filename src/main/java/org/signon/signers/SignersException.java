package org.signon.signers;

import java.nio.file.Path;
import org.signon.SignonException;

/** A signers CSV that cannot be read or makes no sense. */
public class SignersException extends SignonException {

    public SignersException(Kind kind, Path file, long line, String field, String message, Throwable cause) {
        super(kind, file, line, field, message, cause);
    }
}
