package org.signon.letter;

import java.util.regex.Pattern;

/**
 * A title or date as the one line a heading (and a Subject) is: a title written as a YAML block
 * ({@code title: |}) or filled in with a value that holds a line break would otherwise end the
 * heading and leave the rest in the body.
 */
public final class HeadingLine {

    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

    private HeadingLine() {
    }

    /** The text with each line break (and the spaces around it) as one space; text of one line as written. */
    public static String of(String text) {
        // A title of one line is kept as written, spaces and all: its journal hashes depend on it.
        return LINE_BREAK.matcher(text).find() ? LINE_BREAK.matcher(text.strip()).replaceAll(" ") : text;
    }
}
