package org.signon.letter.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.signon.letter.RenderedLetter;

/**
 * Parses a merged letter into the same CommonMark tree as {@link Parser#parse}, but builds the
 * signer section (between the {@link RenderedLetter#SIGNERS_START} and
 * {@link RenderedLetter#SIGNERS_END} lines) directly from its known shape: {@code ## Group}
 * headings and {@code - line} bullets. Running 100,000 bullets through the block parser is
 * most of the cost of a large text render.
 *
 * <p>It only does so when the result is certain to be the same: the markers stand alone at the
 * top level of the document, the section has exactly the shape {@link org.signon.letter.template.SignerListMarkdown}
 * writes, every bullet is a single paragraph, and nothing inside can define or use a link
 * reference. Anything else gets an empty answer, and the caller parses the whole text.
 */
final class SignerSectionParser {

    private static final Parser PARSER = Parser.builder().build();
    private static final String HEADING = "## ";
    private static final String BULLET = "- ";

    private final boolean documentHasReferences;

    private SignerSectionParser(boolean documentHasReferences) {
        this.documentHasReferences = documentHasReferences;
    }

    /**
     * A letter cut at its signer section: everything else parsed, with the start marker as
     * the anchor after which the section's blocks belong.
     *
     * @param document      the letter without its section, parsed
     * @param anchor        the start marker's block in {@code document}
     * @param markdown      the whole letter
     * @param sectionStart  where the section's lines start in {@code markdown}
     * @param sectionEnd    where they end (the end marker's line)
     * @param documentHasReferences whether {@code document} defines or uses link references,
     *                      which could change how a bracket in the section reads
     */
    record Split(Document document, Node anchor, String markdown, int sectionStart, int sectionEnd,
            boolean documentHasReferences) {

        /** The section's blocks, or empty when only a full parse can say what they are. */
        Optional<List<Node>> sectionBlocks() {
            return new SignerSectionParser(documentHasReferences).section(markdown, sectionStart, sectionEnd);
        }
    }

    /** The letter cut at its signer section, or empty when it has no section the fast path can take. */
    static Optional<Split> split(String markdown) {
        int start = MarkdownLines.onlyLine(markdown, RenderedLetter.SIGNERS_START);
        int end = MarkdownLines.onlyLine(markdown, RenderedLetter.SIGNERS_END);
        // Line breaks other than \n would need the parser's own reading of lines.
        if (start < 0 || end < start || markdown.indexOf('\r') >= 0) {
            return Optional.empty();
        }
        int sectionStart = start + RenderedLetter.SIGNERS_START.length() + 1;
        Document document = (Document) PARSER.parse(markdown.substring(0, sectionStart) + markdown.substring(end));
        return anchor(document).map(anchor ->
                new Split(document, anchor, markdown, sectionStart, end, hasReference(document)));
    }

    /** The start marker as a top-level HTML block directly followed by the end marker. */
    private static Optional<Node> anchor(Document document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (isHtml(node, RenderedLetter.SIGNERS_START) && isHtml(node.getNext(), RenderedLetter.SIGNERS_END)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    private static boolean isHtml(Node node, String literal) {
        return node instanceof HtmlBlock html && html.getLiteral().strip().equals(literal);
    }

    /**
     * The blocks of the section's lines ({@code text} from {@code from} to {@code to}, which
     * ends with a line break): a blank line, then groups each made of an optional heading and a
     * blank line, bullets and a blank line. Two bullet runs with only a blank line between would
     * be one loose list, so that shape is refused too. Lines are read in place: copying a
     * section first would cost more than reading it.
     */
    private Optional<List<Node>> section(String text, int from, int to) {
        MarkdownLines lines = new MarkdownLines(text, from, to);
        if (!lines.hasNext() || !lines.nextIsEmpty()) {
            return Optional.empty();
        }
        lines.skip();
        List<Node> blocks = new ArrayList<>();
        boolean afterList = false;
        while (lines.hasNext()) {
            Node block;
            if (lines.nextStartsWith(HEADING)) {
                block = heading(lines.take());
                afterList = false;
            } else if (lines.nextStartsWith(BULLET) && !afterList) {
                List<SignerBullets.Bullet> bullets = new ArrayList<>();
                while (lines.hasNext() && lines.nextStartsWith(BULLET)) {
                    SignerBullets.Bullet bullet = bullet(lines);
                    if (bullet == null) {
                        return Optional.empty();
                    }
                    bullets.add(bullet);
                }
                block = new SignerBullets(bullets);
                afterList = true;
            } else {
                return Optional.empty();
            }
            if (block == null || !lines.hasNext() || !lines.nextIsEmpty()) {
                return Optional.empty();
            }
            lines.skip();
            blocks.add(block);
        }
        return Optional.of(blocks);
    }

    /** The heading as the parser makes it (a few per letter); null when unsure. */
    private Node heading(String line) {
        Node parsed = parseAlone(line);
        return parsed instanceof Heading ? parsed : null;
    }

    /** The next line's bullet: its plain text when it has no markup, else parsed alone; null when unsure. */
    private SignerBullets.Bullet bullet(MarkdownLines lines) {
        String plain = PlainMarkdown.text(lines.text(), lines.start() + BULLET.length(), lines.end());
        if (plain != null) {
            lines.skip();
            return new SignerBullets.Plain(plain);
        }
        Node parsed = parseAlone(lines.take());
        if (!(parsed instanceof BulletList list) || list.getFirstChild() != list.getLastChild()) {
            return null;
        }
        Node item = list.getFirstChild();
        Node content = item.getFirstChild();
        boolean oneParagraph = content == null || (content instanceof Paragraph && content.getNext() == null);
        if (!oneParagraph) {
            return null;
        }
        item.unlink();
        return new SignerBullets.Parsed((ListItem) item);
    }

    /**
     * The only block of {@code line} parsed on its own, or null when it is not exactly one block,
     * or when link references could make it read differently inside the whole document.
     */
    private Node parseAlone(String line) {
        if (documentHasReferences && line.indexOf('[') >= 0) {
            return null;
        }
        Node alone = PARSER.parse(line + "\n");
        Node block = alone.getFirstChild();
        if (block == null || block.getNext() != null || hasReference(alone)) {
            return null;
        }
        block.unlink();
        return block;
    }

    private static boolean hasReference(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof LinkReferenceDefinition || hasReference(child)) {
                return true;
            }
        }
        return false;
    }
}
