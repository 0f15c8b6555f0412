package org.signon.letter.template;

import org.signon.letter.AsciiSet;

/**
 * Escapes text so that it prints literally once parsed as CommonMark: a signer called
 * {@code R*Street} or {@code <script>} must come out as those characters in every format.
 *
 * <p>Characters that can start markup anywhere are backslash-escaped everywhere; characters
 * that only mean something at the start of a line (headings, quotes, list markers, setext
 * underlines, fences) are escaped there. The value's own start counts as a line start because
 * a template may insert it at one. Letters, digits, spaces, commas, apostrophes and periods
 * after words stay as they are, so the Markdown output remains readable.
 */
final class MarkdownEscaper {

    private static final String ANYWHERE = "\\`*_[]<&";
    private static final AsciiSet NOT_PLAIN = AsciiSet.of(ANYWHERE + "\n\r");
    private static final String LINE_START = "#>-+=~";
    private static final int MAX_LIST_NUMBER_DIGITS = 9;

    private MarkdownEscaper() {
    }

    /** {@link #escape} appended to {@code out}, without a copy of a value that needs no escaping. */
    static void appendEscaped(String value, StringBuilder out) {
        out.append(isPlain(value) ? value : escape(value));
    }

    static String escape(String value) {
        if (isPlain(value)) {
            return value;
        }
        String text = value.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(text.length() + 8);
        boolean lineStart = true;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || (lineStart && (c == ' ' || c == '\t'))) {
                out.append(c);
                lineStart = c == '\n' || lineStart;
                i++;
                continue;
            }
            if (lineStart && LINE_START.indexOf(c) >= 0) {
                out.append('\\').append(c);
                i++;
            } else if (lineStart && isDigit(c)) {
                i = appendNumber(text, i, out);
            } else {
                if (ANYWHERE.indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
                i++;
            }
            lineStart = false;
        }
        return out.toString();
    }

    /**
     * Whether escaping would change nothing: it starts with a letter and holds no markup
     * character or line break. Most names are like that, and a list can hold 100,000 of them.
     */
    private static boolean isPlain(String value) {
        if (value.isEmpty() || !Character.isLetter(value.charAt(0))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (NOT_PLAIN.contains(c)) {
                return false;
            }
        }
        return true;
    }

    /** Copies a leading number, escaping its delimiter when it would make an ordered list ({@code 1. Org}). */
    private static int appendNumber(String text, int start, StringBuilder out) {
        int end = start;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        out.append(text, start, end);
        boolean listMarker = end - start <= MAX_LIST_NUMBER_DIGITS
                && end < text.length()
                && (text.charAt(end) == '.' || text.charAt(end) == ')')
                && (end + 1 == text.length() || Character.isWhitespace(text.charAt(end + 1)));
        if (listMarker) {
            out.append('\\').append(text.charAt(end));
            end++;
        }
        return end;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
