package org.signon.letter;

import java.nio.file.Path;
import org.signon.SignonException;

/** A letter file that cannot be read, parsed or rendered. */
public class LetterException extends SignonException {

    public LetterException(Kind kind, Path file, long line, String field, String message, Throwable cause) {
        super(kind, file, line, field, message, cause);
    }

    public LetterException(Path file, long line, String message) {
        super(Kind.DATA, file, line, message);
    }
}
