package org.signon.letter.render;

import java.util.Optional;
import org.signon.letter.RenderedLetter;

/**
 * The signer section rendered without commonmark, for speed: parsing 100,000 list items
 * costs commonmark over a second in a fresh JVM, this a few tens of milliseconds. It accepts
 * only what the template writes for plain signer lines (a {@code ## heading} or a {@code - item}
 * line whose Markdown-active characters are all backslash-escaped, items of one list on
 * consecutive lines) and produces exactly the HTML commonmark would; anything else (bold
 * signer lines, links, odd spacing) returns empty and commonmark renders the section.
 */
final class HtmlSignerLines {

    private HtmlSignerLines() {
    }

    /**
     * The document with its signer section emptied, and that section's HTML.
     *
     * @param emptied the Markdown with nothing between the two marker lines, for commonmark
     * @param html    what goes inside {@code <section class="signers">}
     */
    record Split(String emptied, String html) {
    }

    /**
     * The marker pair's section, when there is one pair and every line in it is a plain signer line.
     *
     * @param memo where the section's HTML is kept for the next letter of a batch
     */
    static Optional<Split> split(String markdown, HtmlDirection page, BatchMemo memo) {
        int start = MarkdownLines.onlyLine(markdown, RenderedLetter.SIGNERS_START);
        int end = MarkdownLines.onlyLine(markdown, RenderedLetter.SIGNERS_END);
        // Line breaks other than \n would need the parser's own reading of lines.
        if (start < 0 || end < start || markdown.indexOf('\r') >= 0) {
            return Optional.empty();
        }
        int sectionStart = start + RenderedLetter.SIGNERS_START.length() + 1;
        String after = markdown.substring(end);
        return memo.section("html " + page, markdown, sectionStart, end, () -> render(markdown, sectionStart, end, page))
                .map(html -> new Split(
                markdown.substring(0, sectionStart) + "\n" + after + (after.endsWith("\n") ? "" : "\n"), html));
    }

    /** The HTML of the lines of {@code markdown} from {@code from} to {@code to} (just after a line break). */
    private static Optional<String> render(String markdown, int from, int to, HtmlDirection page) {
        MarkdownLines lines = new MarkdownLines(markdown, from, to);
        StringBuilder html = new StringBuilder((to - from) + (to - from) / 2 + 64);
        ListWriter list = new ListWriter(html);
        boolean blankSinceItem = false;
        while (lines.hasNext()) {
            if (lines.nextIsBlank()) {
                blankSinceItem = list.open();
                lines.skip();
            } else if (lines.nextStartsWith("- ")) {
                if (blankSinceItem) {
                    return Optional.empty(); // A loose list renders <p> in items: leave it to commonmark.
                }
                if (!list.item(markdown, lines.start() + 2, lines.end(), page)) {
                    return Optional.empty();
                }
                lines.skip();
            } else if (lines.nextStartsWith("## ")) {
                list.close();
                blankSinceItem = false;
                html.append("<h2>");
                // A heading may end in a closing run of '#', which CommonMark drops: leave those to it.
                boolean hash = markdown.substring(lines.start() + 3, lines.end()).indexOf('#') >= 0;
                if (hash || !appendInlineText(markdown, lines.start() + 3, lines.end(), html)) {
                    return Optional.empty();
                }
                html.append("</h2>\n");
                lines.skip();
            } else {
                return Optional.empty();
            }
        }
        list.close();
        return Optional.of(html.toString());
    }

    /**
     * Writes one {@code <ul>} of items into the section's HTML. Whether a list is long (and
     * gets {@code class="long"}) is known only after {@link HtmlBody#LONG_LIST} items, so
     * those few wait in a buffer; the rest of a long list goes straight into the HTML.
     */
    private static final class ListWriter {
        private final StringBuilder html;
        private final StringBuilder waiting = new StringBuilder();
        private int count;

        ListWriter(StringBuilder html) {
            this.html = html;
        }

        boolean open() {
            return count > 0;
        }

        /** False when the item is not plain text; the section's HTML is then useless. */
        boolean item(String markdown, int from, int to, HtmlDirection page) {
            StringBuilder out = count < HtmlBody.LONG_LIST ? waiting : html;
            out.append("<li");
            HtmlDirection own = HtmlDirection.ofText(markdown, from, to, page);
            if (own != page) {
                out.append(" dir=\"").append(own.attribute()).append('"');
            }
            out.append('>');
            if (!appendInlineText(markdown, from, to, out)) {
                return false;
            }
            out.append("</li>\n");
            count++;
            if (count == HtmlBody.LONG_LIST) {
                html.append("<ul class=\"long\">\n").append(waiting);
                waiting.setLength(0);
            }
            return true;
        }

        void close() {
            if (count == 0) {
                return;
            }
            if (count < HtmlBody.LONG_LIST) {
                html.append("<ul>\n").append(waiting);
                waiting.setLength(0);
            }
            html.append("</ul>\n");
            count = 0;
        }
    }

    /**
     * Appends the HTML of a line's content (a part of {@code text}) when it is plain text
     * ({@link PlainMarkdown}); false, appending nothing, when it may hold markup. Escapes
     * {@code & < > "} as CommonMark's renderer does.
     */
    private static boolean appendInlineText(String text, int from, int to, StringBuilder out) {
        String plain = PlainMarkdown.text(text, from, to);
        if (plain == null) {
            return false;
        }
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return true;
    }

}
