package org.signon.letter.render;

import java.util.Locale;
import java.util.Set;

/** Writing direction: of a language, and of a piece of text by its first strong character. */
enum HtmlDirection {
    LTR, RTL;

    /** Languages written right to left, by primary language subtag. */
    private static final Set<String> RTL_LANGUAGES =
            Set.of("ar", "dv", "fa", "he", "iw", "ku", "ps", "sd", "ug", "ur", "yi");

    /** @param lang a BCP 47 tag */
    static HtmlDirection ofLanguage(String lang) {
        return RTL_LANGUAGES.contains(Locale.forLanguageTag(lang).getLanguage()) ? RTL : LTR;
    }

    /**
     * The direction of {@code text} as Unicode's paragraph rule finds it (first strong
     * character), or {@code fallback} when it has none, e.g. only digits and punctuation.
     */
    static HtmlDirection ofText(CharSequence text, HtmlDirection fallback) {
        return ofText(text, 0, text.length(), fallback);
    }

    /** {@link #ofText(CharSequence, HtmlDirection)} of the part from {@code from} to {@code to}. */
    static HtmlDirection ofText(CharSequence text, int from, int to, HtmlDirection fallback) {
        for (int i = from; i < to; i++) {
            switch (Character.getDirectionality(text.charAt(i))) {
                case Character.DIRECTIONALITY_LEFT_TO_RIGHT:
                    return LTR;
                case Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC:
                    return RTL;
                default:
                    break;
            }
        }
        return fallback;
    }

    String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }
}
