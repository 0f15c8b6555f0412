package org.signon.letter.render;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
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

    /** Content that would open a nested block inside a list item or heading. */
    private static final Pattern BLOCK_START = Pattern.compile("[>+*=-]|\\d{1,9}[.)](?:\\s|$)");

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

    /** The first marker pair's section, when every line in it is a plain signer line. */
    static Optional<Split> split(String markdown, HtmlDirection page) {
        List<String> lines = markdown.lines().toList();
        int start = indexOf(lines, RenderedLetter.SIGNERS_START, 0);
        int end = start < 0 ? -1 : indexOf(lines, RenderedLetter.SIGNERS_END, start + 1);
        if (end < 0) {
            return Optional.empty();
        }
        return render(lines.subList(start + 1, end), page).map(html -> new Split(
                String.join("\n", lines.subList(0, start + 1)) + "\n\n"
                        + String.join("\n", lines.subList(end, lines.size())) + "\n",
                html));
    }

    private static int indexOf(List<String> lines, String marker, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).stripTrailing().equals(marker)) {
                return i;
            }
        }
        return -1;
    }

    /** @param lines the lines between the two marker comments */
    static Optional<String> render(List<String> lines, HtmlDirection page) {
        StringBuilder html = new StringBuilder(lines.size() * 48);
        StringBuilder items = new StringBuilder();
        int itemCount = 0;
        boolean blankSinceItem = false;
        for (String line : lines) {
            if (line.isBlank()) {
                blankSinceItem = itemCount > 0;
                continue;
            }
            if (line.startsWith("- ")) {
                if (blankSinceItem) {
                    return Optional.empty(); // A loose list renders <p> in items: leave it to commonmark.
                }
                String text = inlineText(line.substring(2));
                if (text == null) {
                    return Optional.empty();
                }
                appendItem(items, text, page);
                itemCount++;
            } else if (line.startsWith("## ")) {
                String text = inlineText(line.substring(3));
                if (text == null) {
                    return Optional.empty();
                }
                closeList(html, items, itemCount);
                itemCount = 0;
                blankSinceItem = false;
                html.append("<h2>").append(text).append("</h2>\n");
            } else {
                return Optional.empty();
            }
        }
        closeList(html, items, itemCount);
        return Optional.of(html.toString());
    }

    private static void appendItem(StringBuilder items, String text, HtmlDirection page) {
        items.append("<li");
        HtmlDirection own = HtmlDirection.ofText(text, page);
        if (own != page) {
            items.append(" dir=\"").append(own.attribute()).append('"');
        }
        items.append('>').append(text).append("</li>\n");
    }

    private static void closeList(StringBuilder html, StringBuilder items, int itemCount) {
        if (itemCount == 0) {
            return;
        }
        html.append(itemCount >= HtmlBody.LONG_LIST ? "<ul class=\"long\">\n" : "<ul>\n");
        html.append(items).append("</ul>\n");
        items.setLength(0);
    }

    /**
     * The HTML text of a line's content when it is literal text with backslash escapes, else
     * null. Mirrors commonmark: trailing spaces dropped, escapes resolved, {@code & < > "}
     * escaped.
     */
    static String inlineText(String content) {
        String text = stripTrailingSpaces(content);
        if (text.isEmpty() || startsBlock(text)) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= text.length() || !isAsciiPunctuation(text.charAt(i + 1))) {
                    return null;
                }
                c = text.charAt(++i);
            } else if (isInlineActive(c)) {
                return null;
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean startsBlock(String text) {
        char first = text.charAt(0);
        if (first == ' ' || first == '>' || first == '+' || first == '*' || first == '=' || first == '-') {
            return true;
        }
        return first >= '0' && first <= '9' && BLOCK_START.matcher(text).lookingAt();
    }

    /** Starts inline Markdown (emphasis, code, link, image, HTML, entity) or breaks the line. */
    private static boolean isInlineActive(char c) {
        return switch (c) {
            case '`', '*', '_', '[', ']', '!', '<', '>', '&', '#', '\t', '\r', '\n' -> true;
            default -> false;
        };
    }

    private static String stripTrailingSpaces(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean isAsciiPunctuation(char c) {
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
    }
}
