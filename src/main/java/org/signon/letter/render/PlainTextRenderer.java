package org.signon.letter.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.signon.letter.TrailingWhitespace;

/**
 * Renders Markdown as plain text for email bodies and {@code .txt} files, wrapped at 72
 * columns: headings underlined ({@code =} for level 1, {@code -} below), {@code - } bullets
 * and {@code 1. } numbers with hanging indents, {@code > } quotes, code indented four spaces
 * and never wrapped, links as {@code text (url)}, emphasis as plain words, HTML dropped.
 */
final class PlainTextRenderer {

    /** Parsers are stateless between documents; one serves every render. */
    private static final Parser PARSER = Parser.builder().build();

    static final int WIDTH = 72;
    /** Deeply nested lists and quotes still get this much room per line. */
    private static final int MIN_WIDTH = 20;
    private static final String CODE_INDENT = "    ";
    private static final String BULLET = "- ";

    private PlainTextRenderer() {
    }

    static String render(String markdown) {
        return render(markdown, BatchMemo.none());
    }

    /** @param memo where the signer section's text is kept for the next letter of a batch */
    static String render(String markdown, BatchMemo memo) {
        Optional<SignerSectionParser.Split> split = SignerSectionParser.split(markdown);
        if (split.isPresent()) {
            SignerSectionParser.Split parts = split.get();
            Optional<String> section = memo.section(parts.documentHasReferences() ? "text+references" : "text",
                    markdown, parts.sectionStart(), parts.sectionEnd(),
                    () -> parts.sectionBlocks().map(blocks -> renderBlocks(blocks, parts.sectionEnd() - parts.sectionStart())));
            if (section.isPresent()) {
                TopLevel text = new TopLevel(markdown.length());
                for (Node child = parts.document().getFirstChild(); child != null; child = child.getNext()) {
                    text.add(child);
                    if (child == parts.anchor()) {
                        text.addRendered(section.get());
                    }
                }
                return text.finish();
            }
        }
        return render(PARSER.parse(markdown));
    }

    /** @param document the parsed Markdown */
    static String render(Node document) {
        TopLevel text = new TopLevel(0);
        for (Node child = document.getFirstChild(); child != null; child = child.getNext()) {
            text.add(child);
        }
        return text.finish();
    }

    /** Top-level blocks rendered one after the other, as {@link #render(Node)} would lay them out among others. */
    private static String renderBlocks(List<Node> blocks, int markdownLength) {
        TopLevel text = new TopLevel(markdownLength);
        blocks.forEach(text::add);
        return text.out.toString();
    }

    /** The document's text, block by block, with a blank line between blocks that show something. */
    private static final class TopLevel {
        private final StringBuilder out;

        /** @param markdownLength how long the Markdown is: the text is about as long, and a list can be megabytes */
        TopLevel(int markdownLength) {
            out = new StringBuilder(markdownLength + markdownLength / 8 + 64);
        }

        void add(Node block) {
            int before = out.length();
            separate();
            int content = out.length();
            if (block instanceof SignerBullets bullets) {
                appendBullets(bullets, WIDTH, out);
            } else {
                for (String line : block(block, WIDTH)) {
                    out.append(line.stripTrailing()).append('\n');
                }
            }
            if (out.length() == content) {
                out.setLength(before);
            }
        }

        /** Blocks already rendered by {@link #renderBlocks}. */
        void addRendered(String text) {
            if (!text.isEmpty()) {
                separate();
                out.append(text);
            }
        }

        private void separate() {
            if (out.length() > 0) {
                out.append('\n');
            }
        }

        String finish() {
            return TrailingWhitespace.replaceWithNewline(out);
        }
    }

    /**
     * The signer bullets written straight into the text, as {@link #list} would lay them out:
     * most fit on one line as they are, and a hundred thousand of them should not each become
     * a list of lines first.
     */
    private static void appendBullets(SignerBullets bullets, int width, StringBuilder out) {
        int textWidth = Math.max(MIN_WIDTH, width - BULLET.length());
        for (SignerBullets.Bullet bullet : bullets.bullets()) {
            if (bullet instanceof SignerBullets.Plain plain && fitsAsIs(plain.text(), textWidth)) {
                out.append(BULLET).append(plain.text()).append('\n');
                continue;
            }
            List<String> content = bullet instanceof SignerBullets.Plain plain
                    ? TextWrap.wrap(plain.text(), textWidth)
                    : children(((SignerBullets.Parsed) bullet).item(), textWidth, false);
            appendItem(BULLET, content, out);
        }
    }

    /**
     * What {@link TextWrap#wrap} would leave as one unchanged line: short, no runs of spaces, no
     * ends to trim. Plain bullet text holds no tabs or line breaks (see {@link SignerSectionParser}).
     */
    private static boolean fitsAsIs(String text, int width) {
        return !text.isEmpty() && text.length() <= width
                && !Character.isWhitespace(text.codePointAt(0))
                && !Character.isWhitespace(text.codePointBefore(text.length()))
                && text.indexOf("  ") < 0;
    }

    /** One list item: the marker before its first line, the others indented under it. */
    private static void appendItem(String marker, List<String> content, StringBuilder out) {
        out.append((marker + (content.isEmpty() ? "" : content.get(0))).stripTrailing()).append('\n');
        String indent = " ".repeat(marker.length());
        for (String line : content.subList(Math.min(1, content.size()), content.size())) {
            out.append(line.isEmpty() ? "" : (indent + line).stripTrailing()).append('\n');
        }
    }

    private static List<String> block(Node node, int width) {
        if (node instanceof Paragraph) {
            return TextWrap.wrap(inline(node), width);
        }
        if (node instanceof Heading heading) {
            return heading(heading, width);
        }
        if (node instanceof ListBlock list) {
            return list(list, width);
        }
        if (node instanceof BlockQuote) {
            return prefixed(children(node, Math.max(MIN_WIDTH, width - 2), true), "> ");
        }
        if (node instanceof FencedCodeBlock code) {
            return code(code.getLiteral());
        }
        if (node instanceof IndentedCodeBlock code) {
            return code(code.getLiteral());
        }
        if (node instanceof ThematicBreak) {
            return List.of("-".repeat(width));
        }
        if (node instanceof HtmlBlock || node instanceof LinkReferenceDefinition) {
            return List.of();
        }
        if (node instanceof SignerBullets bullets) {
            StringBuilder text = new StringBuilder();
            appendBullets(bullets, width, text);
            return text.toString().lines().toList();
        }
        return children(node, width, true);
    }

    /** The blocks inside {@code parent}, with a blank line between them unless tight. */
    private static List<String> children(Node parent, int width, boolean blankBetween) {
        List<String> lines = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            List<String> block = block(child, width);
            if (block.isEmpty()) {
                continue;
            }
            if (blankBetween && !lines.isEmpty()) {
                lines.add("");
            }
            lines.addAll(block);
        }
        return lines;
    }

    private static List<String> heading(Heading heading, int width) {
        String text = inline(heading).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(TextWrap.wrap(text, width));
        int longest = lines.stream().mapToInt(TextWrap::length).max().orElse(0);
        lines.add((heading.getLevel() == 1 ? "=" : "-").repeat(longest));
        return lines;
    }

    private static List<String> list(ListBlock list, int width) {
        boolean loose = !list.isTight();
        int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                ? ordered.getMarkerStartNumber() : 1;
        List<String> lines = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String marker = list instanceof OrderedList ? (number++) + ". " : "- ";
            List<String> content = children(item, Math.max(MIN_WIDTH, width - marker.length()), loose);
            if (loose && !lines.isEmpty()) {
                lines.add("");
            }
            lines.add(marker + (content.isEmpty() ? "" : content.get(0)));
            String indent = " ".repeat(marker.length());
            for (String line : content.subList(Math.min(1, content.size()), content.size())) {
                lines.add(line.isEmpty() ? "" : indent + line);
            }
        }
        return lines;
    }

    private static List<String> prefixed(List<String> lines, String prefix) {
        return lines.stream().map(line -> line.isEmpty() ? prefix.strip() : prefix + line).toList();
    }

    private static List<String> code(String literal) {
        String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        return text.lines().map(line -> line.isBlank() ? "" : CODE_INDENT + line).toList();
    }

    /** The inline content as words, with {@code \n} for hard line breaks. */
    private static String inline(Node parent) {
        StringBuilder out = new StringBuilder();
        appendInline(parent, out);
        return out.toString();
    }

    private static void appendInline(Node parent, StringBuilder out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                out.append(text.getLiteral());
            } else if (node instanceof Code code) {
                out.append(code.getLiteral());
            } else if (node instanceof SoftLineBreak) {
                out.append(' ');
            } else if (node instanceof HardLineBreak) {
                out.append('\n');
            } else if (node instanceof Link link) {
                appendLink(link, out);
            } else if (node instanceof Image || node instanceof HtmlInline) {
                appendImageOrNothing(node, out);
            } else {
                appendInline(node, out);
            }
        }
    }

    private static void appendLink(Link link, StringBuilder out) {
        String text = inline(link);
        String url = link.getDestination();
        out.append(text);
        if (!url.isEmpty() && !url.equals(text) && !url.equals("mailto:" + text)) {
            out.append(" (").append(url).append(')');
        }
    }

    /** An image shows its description; inline HTML shows nothing. */
    private static void appendImageOrNothing(Node node, StringBuilder out) {
        if (node instanceof Image) {
            appendInline(node, out);
        }
    }
}
