package org.signon.letter.render;

import java.util.Arrays;

/**
 * The letter as a PDF, with the SHA-256 (hex) of what the PDF was made from: its HTML (with
 * its stylesheet and images) and its paper. The same source gives the same bytes (its first
 * 16 bytes are the PDF's document /ID), but the send journal counts an attached PDF by this
 * hash, not by its bytes: earlier versions wrote a new /ID each time, and the journals of
 * campaigns they half sent must still match.
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
