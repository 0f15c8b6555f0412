package org.signon.letter;

import java.util.ArrayList;
import java.util.List;

/** Greedy word wrapping; a word longer than the width gets a line of its own, unbroken. */
final class TextWrap {

    private TextWrap() {
    }

    /** @param text words separated by spaces, with {@code \n} where a line must break */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String segment : text.split("\n", -1)) {
            wrapSegment(segment, width, lines);
        }
        return lines;
    }

    private static void wrapSegment(String segment, int width, List<String> lines) {
        StringBuilder line = new StringBuilder();
        int length = 0;
        for (String word : segment.strip().split("[ \\t]+")) {
            if (word.isEmpty()) {
                continue;
            }
            int wordLength = word.codePointCount(0, word.length());
            if (length > 0 && length + 1 + wordLength > width) {
                lines.add(line.toString());
                line.setLength(0);
                length = 0;
            }
            if (length > 0) {
                line.append(' ');
                length++;
            }
            line.append(word);
            length += wordLength;
        }
        lines.add(line.toString());
    }

    static int length(String line) {
        return line.codePointCount(0, line.length());
    }
}
