package org.signon.letter;

/** Ends a text with exactly one line break, trimming in place: a long signer list is megabytes. */
public final class TrailingWhitespace {

    private TrailingWhitespace() {
    }

    /** The same as {@code text.toString().stripTrailing() + "\n"}, without the two copies. */
    public static String replaceWithNewline(StringBuilder text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        text.setLength(end);
        return text.append('\n').toString();
    }
}
