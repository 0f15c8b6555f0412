package org.signon.letter.render;

import java.nio.charset.StandardCharsets;
import org.signon.letter.Format;
import org.signon.letter.RenderedLetter;

/** Turns a merged letter into the bytes of one output format. */
public final class LetterRenderer {

    private LetterRenderer() {
    }

    public static byte[] render(RenderedLetter letter, Format format) {
        return switch (format) {
            case TEXT -> utf8(PlainTextRenderer.render(letter.markdown()));
            case MARKDOWN -> utf8(MarkdownOutput.render(letter.markdown()));
            case HTML -> utf8(HtmlDocument.render(letter));
            case PDF -> PdfDocument.render(letter);
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
