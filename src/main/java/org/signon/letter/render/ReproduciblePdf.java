package org.signon.letter.render;

import java.util.Arrays;
import java.util.HexFormat;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Makes the saved bytes of a laid-out PDF depend only on what it was made from, so the same
 * letter gives the same file on every run and machine (campaign repos commit it, CI compares
 * it, an attached PDF stays the same attachment). openhtmltopdf stamps a creation date from
 * the clock and PDFBox hashes the clock into the trailer /ID; nothing else varies.
 */
final class ReproduciblePdf {

    /** The length of each half of the /ID: PDFBox and most writers use 16 bytes (an MD5). */
    static final int ID_BYTES = 16;

    private ReproduciblePdf() {
    }

    /**
     * Drops the creation date (a letter's {@code date} is free text, not a time, and a
     * made-up time would claim more than we know) and sets the /ID from {@code sourceSha256}.
     * PDFBox keeps an /ID that is already there when it saves a new file.
     */
    static void settle(PDDocument document, String sourceSha256) {
        document.getDocumentInformation().setCreationDate(null);
        COSString id = new COSString(fileId(sourceSha256));
        id.setForceHexForm(true);
        // ISO 32000 14.4: a file written for the first time has both halves the same.
        COSArray ids = new COSArray();
        ids.add(id);
        ids.add(id);
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /**
     * The /ID of a PDF made from {@code sourceSha256}: its first 16 bytes, so a PDF can be
     * matched to the {@link LetterPdf#sourceSha256()} a send journal counted it by.
     */
    static byte[] fileId(String sourceSha256) {
        return Arrays.copyOf(HexFormat.of().parseHex(sourceSha256), ID_BYTES);
    }
}
