package org.signon.signers;

/**
 * Comparison keys for names typed by people. Two names have the same key when they have the
 * same letters, digits and marks in the same order, ignoring case: spacing, punctuation and
 * symbols do not count, so "R*Street Watch" and "R Street Watch" are one organization, as are
 * "Fair_Data_Alliance" and "Fair Data Alliance". An ampersand counts as the word "and".
 * Accents do count: "Équipe" and "Equipe" stay two names.
 */
final class NameKey {

    private NameKey() {
    }

    /** The key that decides whether two rows name the same organization. */
    static String organization(String name) {
        return of(withoutLeadingThe(name));
    }

    /** The key that matches a category value to a group heading. */
    static String of(String text) {
        StringBuilder key = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                appendAscii(key, (char) cp);
            } else if (Character.isLetterOrDigit(cp) || isMark(cp)) {
                key.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
            }
        }
        return key.toString();
    }

    /** Most names are ASCII: decide those characters without Unicode tables. */
    private static void appendAscii(StringBuilder key, char c) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            key.append(c);
        } else if (c >= 'A' && c <= 'Z') {
            key.append((char) (c + ('a' - 'A')));
        } else if (c == '&') {
            key.append("and");
        }
    }

    /**
     * "The Example Network" without its article, for duplicates and ordering; a name that is
     * only "The" stays whole.
     */
    static String withoutLeadingThe(String name) {
        if (name.length() > 4
                && name.regionMatches(true, 0, "the", 0, 3)
                && TextCleaner.isSpace(name.charAt(3))) {
            return name.substring(4).stripLeading();
        }
        return name;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
