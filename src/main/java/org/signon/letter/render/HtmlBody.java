package org.signon.letter.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;
import org.signon.letter.Letter;
import org.signon.letter.RenderedLetter;

/**
 * The merged Markdown of a letter as an HTML fragment: the signer list, found between the
 * {@link RenderedLetter#SIGNERS_START} and {@link RenderedLetter#SIGNERS_END} comment lines,
 * becomes {@code <section class="signers">}; every other piece of raw HTML is shown as text
 * (HTML comments are dropped), so nothing in a letter or a signer name can inject markup.
 */
final class HtmlBody {

    /** A bullet list at least this long flows into columns on wide screens and on paper. */
    static final int LONG_LIST = 8;

    private static final Parser PARSER = Parser.builder().build();
    /** Renderers are immutable and thread-safe: one per page direction serves every letter. */
    private static final Map<HtmlDirection, HtmlRenderer> RENDERERS = renderers();

    private HtmlBody() {
    }

    /** @param fastSigners false to have commonmark parse the signer section too (for comparison) */
    static String render(RenderedLetter rendered, HtmlDirection direction, boolean fastSigners) {
        StringBuilder html = new StringBuilder(rendered.markdown().length() * 3 / 2 + 64);
        renderInto(rendered, direction, BatchMemo.none(), PageImages.dataUris(), fastSigners, html);
        return html.toString();
    }

    /**
     * Appends the body's HTML to {@code html}: a page of 100,000 signers need not be copied once more.
     *
     * @param direction the page's direction; a signer line written the other way gets its own {@code dir}
     * @param images    how the page points at its images
     */
    static void renderInto(RenderedLetter rendered, HtmlDirection direction, BatchMemo memo, PageImages images,
            StringBuilder html) {
        renderInto(rendered, direction, memo, images, true, html);
    }

    private static void renderInto(RenderedLetter rendered, HtmlDirection direction, BatchMemo memo,
            PageImages images, boolean fastSigners, StringBuilder html) {
        Node document = parse(rendered.markdown(), direction, memo, fastSigners);
        embedImages(document, rendered.letter(), memo, images);
        RENDERERS.get(direction).render(document, html);
    }

    /** The destination of every image the page shows, in order, as {@link #embedImages} reads them. */
    static List<String> imageDestinations(RenderedLetter rendered, HtmlDirection direction) {
        Node document = parse(rendered.markdown(), direction, BatchMemo.none(), true);
        List<String> destinations = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                destinations.add(image.getDestination());
                visitChildren(image);
            }
        });
        return destinations;
    }

    private static Map<HtmlDirection, HtmlRenderer> renderers() {
        Map<HtmlDirection, HtmlRenderer> renderers = new EnumMap<>(HtmlDirection.class);
        for (HtmlDirection direction : HtmlDirection.values()) {
            renderers.put(direction, renderer(direction));
        }
        return Collections.unmodifiableMap(renderers);
    }

    private static HtmlRenderer renderer(HtmlDirection direction) {
        return HtmlRenderer.builder()
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(new PartUrls())
                .nodeRendererFactory(SignersRenderer::new)
                .nodeRendererFactory(HtmlBlockRenderer::new)
                .attributeProviderFactory(context -> (node, tag, attributes) ->
                        signerAttributes(node, direction, attributes))
                .build();
    }

    /**
     * The document tree with its signer sections. A section of plain signer lines (the usual
     * case, and the long one) is rendered by {@link HtmlSignerLines} and commonmark parses the
     * rest of the letter only.
     */
    private static Node parse(String markdown, HtmlDirection direction, BatchMemo memo, boolean fastSigners) {
        Optional<HtmlSignerLines.Split> split = fastSigners
                ? HtmlSignerLines.split(markdown, direction, memo) : Optional.empty();
        if (split.isPresent()) {
            Node document = PARSER.parse(split.get().emptied());
            List<SignersBlock> sections = wrapSigners(document);
            if (!sections.isEmpty()) {
                sections.get(0).html = split.get().html();
                return document;
            }
        }
        Node document = PARSER.parse(markdown);
        wrapSigners(document);
        return document;
    }

    /** Moves the nodes between each pair of marker comments into a {@link SignersBlock}. */
    private static List<SignersBlock> wrapSigners(Node document) {
        List<HtmlBlock> starts = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock block) {
                if (isMarker(block, RenderedLetter.SIGNERS_START)) {
                    starts.add(block);
                }
            }
        });
        List<SignersBlock> sections = new ArrayList<>();
        for (HtmlBlock start : starts) {
            wrapFrom(start).ifPresent(sections::add);
        }
        return sections;
    }

    private static Optional<SignersBlock> wrapFrom(HtmlBlock start) {
        Node end = start.getNext();
        while (end != null && !isMarker(end, RenderedLetter.SIGNERS_END)) {
            if (isMarker(end, RenderedLetter.SIGNERS_START)) {
                return Optional.empty(); // Unpaired: the later start owns the end; this one is dropped.
            }
            end = end.getNext();
        }
        if (end == null) {
            return Optional.empty();
        }
        SignersBlock section = new SignersBlock();
        start.insertBefore(section);
        Node node = start.getNext();
        while (node != end) {
            Node next = node.getNext();
            section.appendChild(node);
            node = next;
        }
        start.unlink();
        end.unlink();
        return Optional.of(section);
    }

    private static boolean isMarker(Node node, String marker) {
        return node instanceof HtmlBlock block && block.getLiteral().strip().equals(marker);
    }

    private static void embedImages(Node document, Letter letter, BatchMemo memo, PageImages images) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                String destination = image.getDestination();
                image.setDestination(images.src(memo.image(HtmlImage.key(letter, "image", destination),
                        () -> HtmlImage.bodyImage(letter, destination))));
                visitChildren(image);
            }
        });
    }

    /**
     * Long signer lists get {@code class="long"}; a signer line whose script runs against the
     * page (an Arabic name in an English letter, or the reverse) gets {@code dir}, so that its
     * parentheses and punctuation stay where its writer put them.
     */
    private static void signerAttributes(Node node, HtmlDirection page, Map<String, String> attributes) {
        if (node instanceof BulletList list && list.getParent() instanceof SignersBlock
                && itemCount(list) >= LONG_LIST) {
            attributes.put("class", "long");
        }
        if (node instanceof ListItem item && item.getParent() != null
                && item.getParent().getParent() instanceof SignersBlock) {
            HtmlDirection own = HtmlDirection.ofText(text(item), page);
            if (own != page) {
                attributes.put("dir", own.attribute());
            }
        }
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }
        });
        return text.toString();
    }

    private static int itemCount(BulletList list) {
        int count = 0;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            count++;
        }
        return count;
    }

    /**
     * commonmark's sanitizer, which also lets an image's {@code cid:} through. Every image
     * destination is one {@link #embedImages} wrote (a {@code cid:} the letter itself names is
     * refused there as a web address), so this admits only the email's own parts.
     */
    private static final class PartUrls implements UrlSanitizer {
        private static final UrlSanitizer STANDARD = new DefaultUrlSanitizer();

        @Override
        public String sanitizeLinkUrl(String url) {
            return STANDARD.sanitizeLinkUrl(url);
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return url.startsWith("cid:") ? url : STANDARD.sanitizeImageUrl(url);
        }
    }

    /** The signer list of a letter, rendered as {@code <section class="signers">}. */
    static final class SignersBlock extends CustomBlock {
        /** The section's inner HTML when {@link HtmlSignerLines} made it, else null. */
        private String html;
    }

    private static final class SignersRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        SignersRenderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(SignersBlock.class);
        }

        @Override
        public void render(Node node) {
            HtmlWriter html = context.getWriter();
            html.line();
            html.tag("section", Map.of("class", "signers"));
            html.line();
            String prerendered = ((SignersBlock) node).html;
            if (prerendered != null) {
                html.raw(prerendered);
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/section");
            html.line();
        }
    }

    /**
     * Raw HTML blocks: a pure comment is dropped (an author's note stays invisible, as in any
     * Markdown viewer); anything else is shown literally as a paragraph of text.
     */
    private static final class HtmlBlockRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        HtmlBlockRenderer(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(HtmlBlock.class);
        }

        @Override
        public void render(Node node) {
            String literal = ((HtmlBlock) node).getLiteral();
            if (isPureComment(literal.strip())) {
                return;
            }
            HtmlWriter html = context.getWriter();
            html.line();
            html.tag("p");
            html.text(literal.stripTrailing());
            html.tag("/p");
            html.line();
        }

        private static boolean isPureComment(String text) {
            return text.startsWith("<!--") && text.endsWith("-->")
                    && text.indexOf("-->") == text.length() - 3;
        }
    }
}
