package org.signon.signers;

import java.text.Normalizer;

/**
 * Cleans one CSV value: trims it, turns every run of whitespace (including line breaks and
 * no-break spaces) into one space, drops zero-width spaces and stray byte-order marks, and
 * composes it to Unicode NFC so that "É" typed two ways is one string.
 */
final class TextCleaner {

    /** Below this code point no character composes or decomposes under NFC. */
    private static final char FIRST_COMBINING = '\u0300';

    private TextCleaner() {
    }

    static String clean(String value) {
        if (value.isEmpty() || isCleanText(value)) {
            return value;
        }
        String collapsed = isCollapsed(value) ? value : collapse(value);
        return needsNormalizing(collapsed) ? Normalizer.normalize(collapsed, Normalizer.Form.NFC) : collapsed;
    }

    /** True when cleaning would leave nothing. */
    static boolean isBlank(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isSpace(c) && !isInvisible(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Most cells are printable ASCII or Latin-1 words with single spaces between them: one pass
     * that decides those without Unicode tables. False only means "look closer".
     */
    private static boolean isCleanText(String value) {
        int last = value.length() - 1;
        boolean previousSpace = true;
        for (int i = 0; i <= last; i++) {
            char c = value.charAt(i);
            if (c > ' ' && c < '\u007F') {
                previousSpace = false;
            } else if (c == ' ') {
                if (previousSpace || i == last) {
                    return false;
                }
                previousSpace = true;
            } else if (c >= '\u00A1' && c < FIRST_COMBINING) {
                // Latin-1 letters and beyond, up to the first combining mark: none of these is a
                // space, invisible, or changed by NFC.
                previousSpace = false;
            } else {
                return false;
            }
        }
        return true;
    }

    /** Most cells are already clean: check without allocating. */
    private static boolean isCollapsed(String value) {
        int last = value.length() - 1;
        boolean previousSpace = false;
        for (int i = 0; i <= last; i++) {
            char c = value.charAt(i);
            if (isInvisible(c)) {
                return false;
            }
            if (isSpace(c)) {
                if (c != ' ' || previousSpace || i == 0 || i == last) {
                    return false;
                }
                previousSpace = true;
            } else {
                previousSpace = false;
            }
        }
        return true;
    }

    private static String collapse(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean needsNormalizing(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= FIRST_COMBINING) {
                return !Normalizer.isNormalized(value, Normalizer.Form.NFC);
            }
        }
        return false;
    }

    /** Control characters count as space: they only ever arrive as garbage in exports. */
    static boolean isSpace(char c) {
        return c <= ' ' || c == '\u0085' || Character.isSpaceChar(c) || Character.isWhitespace(c);
    }

    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\uFEFF';
    }
}
