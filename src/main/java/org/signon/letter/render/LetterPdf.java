package org.signon.letter.render;

import java.util.Arrays;

/**
 * The letter as a PDF, with the SHA-256 (hex) of what the PDF was made from: its HTML (with
 * its stylesheet and images) and its paper. The PDF's own bytes differ on every run, since
 * PDFBox writes a new document ID each time, so that hash is what says two PDFs are the same
 * letter.
 */
public record LetterPdf(byte[] bytes, String sourceSha256) {

    public LetterPdf {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LetterPdf p && p.sourceSha256.equals(sourceSha256) && Arrays.equals(p.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return sourceSha256.hashCode();
    }

    @Override
    public String toString() {
        return "LetterPdf[" + bytes.length + " bytes, source " + sourceSha256 + "]";
    }
}
