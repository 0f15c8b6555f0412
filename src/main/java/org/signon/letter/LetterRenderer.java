package org.signon.letter;

import java.nio.charset.StandardCharsets;
import org.signon.SignonException.Kind;

/** Turns a merged letter into the bytes of one output format. */
public final class LetterRenderer {

    private LetterRenderer() {
    }

    /** @throws LetterException USAGE for a format that cannot be produced yet */
    public static byte[] render(RenderedLetter letter, Format format) {
        return switch (format) {
            case TEXT -> utf8(PlainTextRenderer.render(letter.markdown()));
            case MARKDOWN -> utf8(MarkdownOutput.render(letter.markdown()));
            case HTML, PDF -> throw new LetterException(Kind.USAGE, null, 0, null,
                    "format " + format.key() + " is not available yet", null);
        };
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
