package org.signon.letter;

/** Turns a merged letter into the bytes of one output format. */
public final class LetterRenderer {

    private LetterRenderer() {
    }

    public static byte[] render(RenderedLetter letter, Format format) {
        throw new UnsupportedOperationException("TODO");
    }
}
