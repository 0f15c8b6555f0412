package org.signon.letter.render;

import java.nio.charset.StandardCharsets;
import org.signon.letter.Format;
import org.signon.letter.RenderedLetter;

/**
 * Turns a merged letter into the bytes of one output format. An instance renders the letters
 * of one batch (one per recipient), which share their signer list: its text and HTML are made
 * once for the batch. Instances are safe to share between threads.
 */
public final class LetterRenderer {

    private final BatchMemo memo;

    private LetterRenderer(BatchMemo memo) {
        this.memo = memo;
    }

    /** A renderer for many versions of one letter, such as one per recipient. */
    public static LetterRenderer forBatch() {
        return new LetterRenderer(BatchMemo.forBatch());
    }

    /** Renders one letter once. */
    public static byte[] render(RenderedLetter letter, Format format) {
        return new LetterRenderer(BatchMemo.none()).bytes(letter, format);
    }

    public byte[] bytes(RenderedLetter letter, Format format) {
        return switch (format) {
            case TEXT -> utf8(text(letter));
            case MARKDOWN -> utf8(MarkdownOutput.render(letter.markdown()));
            case HTML -> utf8(html(letter));
            case PDF -> pdf(letter).bytes();
        };
    }

    /**
     * The letter as a PDF, with what identifies it across runs (its bytes do not).
     *
     * @throws org.signon.letter.LetterException as {@link PdfDocument#render(RenderedLetter)}
     */
    public LetterPdf pdf(RenderedLetter letter) {
        return PdfDocument.render(letter, memo);
    }

    /** The letter as plain text, wrapped at 72 columns. */
    public String text(RenderedLetter letter) {
        return PlainTextRenderer.render(letter.markdown(), memo);
    }

    /**
     * The letter as a standalone HTML page.
     *
     * @throws org.signon.letter.LetterException as {@link HtmlDocument#render}
     */
    public String html(RenderedLetter letter) {
        return HtmlDocument.render(letter, memo);
    }

    /**
     * The letter as the HTML part of an email: the page of {@link #html} with its letterhead and
     * body images as {@code cid:} references to the returned parts, since mail clients block
     * {@code data:} images. Images are read once for the batch.
     *
     * @throws org.signon.letter.LetterException as {@link HtmlDocument#render}
     */
    public EmailHtml emailHtml(RenderedLetter letter) {
        return HtmlDocument.renderForEmail(letter, memo);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
