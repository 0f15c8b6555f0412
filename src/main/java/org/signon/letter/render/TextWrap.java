package org.signon.letter.render;

import java.util.ArrayList;
import java.util.List;

/** Greedy word wrapping; a word longer than the width gets a line of its own, unbroken. */
final class TextWrap {

    private TextWrap() {
    }

    /**
     * @param text words separated by spaces or tabs, with {@code \n} where a line must break;
     *             whitespace around each line is dropped
     */
    static List<String> wrap(String text, int width) {
        // Scans by hand: this runs once per signer, and regex splitting allocated more than the rest of a render.
        List<String> lines = new ArrayList<>(1);
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            wrapSegment(text, start, end, width, lines);
            start = end + 1;
        }
        wrapSegment(text, start, text.length(), width, lines);
        return lines;
    }

    private static void wrapSegment(String text, int from, int to, int width, List<String> lines) {
        int start = skipWhitespace(text, from, to);
        int end = trimWhitespace(text, start, to);
        StringBuilder line = new StringBuilder(Math.min(end - start, width + 1));
        int length = 0;
        int i = start;
        while (i < end) {
            if (isBlank(text.charAt(i))) {
                i++;
                continue;
            }
            int wordStart = i;
            while (i < end && !isBlank(text.charAt(i))) {
                i++;
            }
            int wordLength = text.codePointCount(wordStart, i);
            if (length > 0 && length + 1 + wordLength > width) {
                lines.add(line.toString());
                line.setLength(0);
                length = 0;
            }
            if (length > 0) {
                line.append(' ');
                length++;
            }
            line.append(text, wordStart, i);
            length += wordLength;
        }
        lines.add(line.toString());
    }

    /** Words are separated by spaces and tabs only; other whitespace counts only at the ends (as {@link String#strip}). */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static int skipWhitespace(String text, int from, int to) {
        int i = from;
        while (i < to) {
            int c = text.codePointAt(i);
            if (!Character.isWhitespace(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    private static int trimWhitespace(String text, int from, int to) {
        int i = to;
        while (i > from) {
            int c = text.codePointBefore(i);
            if (!Character.isWhitespace(c)) {
                break;
            }
            i -= Character.charCount(c);
        }
        return i;
    }

    static int length(String line) {
        return line.codePointCount(0, line.length());
    }
}
