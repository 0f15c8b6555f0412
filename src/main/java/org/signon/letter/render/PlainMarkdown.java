package org.signon.letter.render;

import java.util.regex.Pattern;
import org.signon.letter.AsciiSet;

/**
 * The literal text of one line of Markdown inside a list item or heading, when it holds nothing
 * but words and backslash escapes: what the fast signer-section paths of text and HTML show
 * without asking the parser. A line that may hold markup gets no answer (null), and the caller
 * leaves it to the parser. Both paths read lines with this one rule, so they agree on what a
 * signer line says.
 */
final class PlainMarkdown {

    /** Characters that start inline markup anywhere in a line, and control characters. */
    private static final AsciiSet INLINE_MARKUP = AsciiSet.of("`*_[]<&").withControls();
    /** Characters that can start a block (heading, quote, list, break, fence, HTML) as a line's first. */
    private static final String BLOCK_START = "#>-+*=~`_<";
    private static final Pattern ORDERED_LIST_MARKER = Pattern.compile("\\d{1,9}[.)](?:\\s|$)");
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private PlainMarkdown() {
    }

    /** {@link #text(String, int, int)} of a whole line. */
    static String text(String line) {
        return text(line, 0, line.length());
    }

    /**
     * The text of {@code line} from {@code from} to {@code to}, escapes undone and trailing
     * spaces dropped (as CommonMark drops them at the end of a paragraph), or null when it may
     * hold markup.
     */
    static String text(String line, int from, int to) {
        int end = to;
        while (end > from && line.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == from || startsBlock(line, from, end)) {
            return null;
        }
        boolean escaped = false;
        for (int i = from; i < end; i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                // A backslash at the end would be a line break; before anything else it is literal.
                if (i + 1 == end) {
                    return null;
                }
                if (isEscapable(line.charAt(i + 1))) {
                    escaped = true;
                    i++;
                }
            } else if (INLINE_MARKUP.contains(c)) {
                return null;
            }
        }
        return escaped ? unescaped(line, from, end) : line.substring(from, end);
    }

    private static boolean startsBlock(String line, int from, int to) {
        char first = line.charAt(from);
        if (BLOCK_START.indexOf(first) >= 0 || Character.isWhitespace(first)) {
            return true;
        }
        return first >= '0' && first <= '9' && ORDERED_LIST_MARKER.matcher(line).region(from, to).lookingAt();
    }

    /** Backslashes before ASCII punctuation dropped (the scan has ruled out a trailing one). */
    private static String unescaped(String line, int from, int to) {
        StringBuilder text = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c == '\\' && isEscapable(line.charAt(i + 1))) {
                c = line.charAt(++i);
            }
            text.append(c);
        }
        return text.toString();
    }

    private static boolean isEscapable(char c) {
        return ASCII_PUNCTUATION.indexOf(c) >= 0;
    }
}
