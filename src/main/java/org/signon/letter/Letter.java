package org.signon.letter;

import java.nio.file.Path;
import org.signon.io.FileNames;

/**
 * A letter file as read: front matter and the Markdown/Mustache body.
 *
 * @param file     the letter's path, as given
 * @param front    parsed front matter
 * @param body     the template text after the closing {@code ---}
 * @param bodyLine the 1-based line in {@code file} where {@code body} starts
 */
public record Letter(Path file, FrontMatter front, String body, int bodyLine) {

    /** The front matter title, else the file name without its extension: what to call the letter. */
    public String titleOrName() {
        String title = front.title().strip();
        return title.isEmpty() ? FileNames.stem(file) : title;
    }

    /** Resolves a path written in front matter against the letter's folder. */
    public Path resolve(String relative) {
        // Stay relative when the letter path is, so messages show paths as the user typed them.
        Path dir = file.getParent();
        return (dir == null ? Path.of(relative) : dir.resolve(relative)).normalize();
    }
}
