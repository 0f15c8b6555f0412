package org.signon.letter;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.signon.SignonException.Kind;
import org.signon.io.LocaleFileNames;

/**
 * A letter file as read: front matter and the Markdown/Mustache body.
 *
 * @param file     the letter's path, as given
 * @param front    parsed front matter
 * @param body     the template text after the closing {@code ---}
 * @param bodyLine the 1-based line in {@code file} where {@code body} starts
 */
public record Letter(Path file, FrontMatter front, String body, int bodyLine) {

    /** Resolves a path written in front matter against the letter's folder. */
    public Path resolve(String relative) {
        return resolve(relative, 0);
    }

    /**
     * {@link #resolve(String)} for a path written on {@code line} of the letter.
     *
     * @throws LetterException NO_INPUT when the system locale cannot encode the name
     */
    public Path resolve(String relative, long line) {
        return resolve(relative, () -> line);
    }

    /** {@link #resolve(String, long)} with the line found only if it is needed for the error. */
    public Path resolve(String relative, LongSupplier line) {
        // Stay relative when the letter path is, so messages show paths as the user typed them.
        Path dir = file.getParent();
        try {
            return (dir == null ? Path.of(relative) : dir.resolve(relative)).normalize();
        } catch (InvalidPathException e) {
            throw new LetterException(Kind.NO_INPUT, file, line.getAsLong(), null, LocaleFileNames.unencodable(relative), e);
        }
    }
}
