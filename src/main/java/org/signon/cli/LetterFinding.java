package org.signon.cli;

import java.nio.file.Path;
import org.signon.SignonException;

/**
 * Something {@code signon check} found in the letter itself that render or send would stop on
 * (an error) or that the reader would miss (a warning).
 *
 * @param file    the file at fault, the letter
 * @param line    its 1-based line, or 0 when the message alone says where
 * @param field   the front matter key or part of the letter ({@code to}, {@code logo}, {@code image}, {@code pdf}), or null
 * @param error   true when render or send fails on it
 * @param message one line, as render or send says it
 */
record LetterFinding(Path file, long line, String field, boolean error, String message) {

    /** What render or send fails with, as a finding of check. */
    static LetterFinding of(SignonException failure, boolean error) {
        String field = failure.field();
        String message = field != null && !failure.getMessage().contains(field)
                ? field + ": " + failure.getMessage() : failure.getMessage();
        return new LetterFinding(failure.file(), failure.line(), field, error, message);
    }

    /** {@code letters/x.md:7} or {@code letters/x.md}, as the start of a report line. */
    String where() {
        return line > 0 ? file + ":" + line : String.valueOf(file);
    }
}
