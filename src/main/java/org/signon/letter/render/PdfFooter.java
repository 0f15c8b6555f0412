package org.signon.letter.render;

import java.util.Locale;
import java.util.Map;

/**
 * The page footer, "Page 1 of 3", in the letter's language where we know the words (English
 * otherwise), as a CSS paged-media margin box: openhtmltopdf fills in both counters.
 */
final class PdfFooter {

    /** Primary language subtag to the words around the page number and around the total. */
    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("en", new String[] {"Page", " of "}),
            Map.entry("ar", new String[] {"صفحة", " من "}),
            Map.entry("de", new String[] {"Seite", " von "}),
            Map.entry("es", new String[] {"Página", " de "}),
            Map.entry("fa", new String[] {"صفحه", " از "}),
            Map.entry("fr", new String[] {"Page", " sur "}),
            Map.entry("he", new String[] {"עמוד", " מתוך "}),
            Map.entry("it", new String[] {"Pagina", " di "}),
            Map.entry("nl", new String[] {"Pagina", " van "}),
            Map.entry("pt", new String[] {"Página", " de "}));

    private PdfFooter() {
    }

    /**
     * The space after the first word is a string of its own: openhtmltopdf drops a space that
     * ends a right-to-left string next to the page number.
     *
     * @param lang a BCP 47 tag, as {@link HtmlDocument#language(String)} makes it
     */
    static String css(String lang) {
        String[] own = WORDS.get(Locale.forLanguageTag(lang).getLanguage());
        String[] words = own != null ? own : WORDS.get("en");
        String content = "\"%s\" \" \" counter(page) \"%s\" counter(pages)".formatted(words[0], words[1]);
        if (own == null && HtmlDirection.ofLanguage(lang) == HtmlDirection.RTL) {
            // The English that stands in on a right-to-left page: openhtmltopdf sets each piece
            // of the content from right to left whatever its script or 'direction' ("1 of 3
            // Page"), so the pieces go in backwards to read "Page 1 of 3".
            content = "counter(pages) \"%s\" counter(page) \" \" \"%s\"".formatted(words[1], words[0]);
        }
        return """
                @page {
                  @bottom-center {
                    content: %s;
                    font-family: "DejaVu Sans", "DejaVu Sans Upright";
                    font-size: 8pt;
                    color: #666;
                  }
                }
                """.formatted(content);
    }
}
