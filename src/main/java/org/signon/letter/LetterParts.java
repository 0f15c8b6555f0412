package org.signon.letter;

import java.nio.file.Path;

/**
 * A letter's text cut into its YAML front matter and its body.
 *
 * @param yaml     the lines between the two {@code ---} lines
 * @param yamlLine the file line where {@code yaml} starts
 * @param body     everything after the closing {@code ---} line
 * @param bodyLine the file line where {@code body} starts
 */
record LetterParts(String yaml, int yamlLine, String body, int bodyLine) {

    private static final String FENCE = "---";

    /** @param text normalized text: LF line ends, no byte-order mark */
    static LetterParts split(String text, Path file) {
        int firstEnd = lineEnd(text, 0);
        if (!isFence(text.substring(0, firstEnd))) {
            throw new LetterException(file, 1,
                    "a letter must start with a '---' line opening its front matter (title, to, signers...)");
        }
        int line = 2;
        int start = next(text, firstEnd);
        int yamlStart = start;
        while (start < text.length()) {
            int end = lineEnd(text, start);
            if (isFence(text.substring(start, end))) {
                return new LetterParts(text.substring(yamlStart, start), 2, text.substring(next(text, end)), line + 1);
            }
            start = next(text, end);
            line++;
        }
        throw new LetterException(file, 1, "the front matter opened on line 1 has no closing '---' line");
    }

    private static boolean isFence(String line) {
        return line.stripTrailing().equals(FENCE);
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    private static int next(String text, int lineEnd) {
        return Math.min(lineEnd + 1, text.length());
    }
}
