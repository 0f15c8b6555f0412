package org.signon.letter.render;

import java.nio.file.Path;
import org.signon.SignonException.Kind;
import org.signon.letter.LetterException;

/**
 * A line of a letter holding a character the PDF fonts cannot draw (Chinese, Japanese,
 * Korean, Devanagari...): a PDF of it fails rather than print "####".
 *
 * @param letter    the letter file
 * @param codePoint the first such character in the line
 * @param line      the line as shown in messages (stripped, cut at 80 characters)
 * @param source    where the character comes from when it is not the letter's own text
 *                  ({@code signers.csv line 37}), or empty
 */
public record PdfFontGap(Path letter, int codePoint, String line, String source) {

    PdfFontGap(Path letter, int codePoint, String line) {
        this(letter, codePoint, line, "");
    }

    /** The same gap, saying where to fix it. */
    public PdfFontGap from(String where) {
        return new PdfFontGap(letter, codePoint, line, where);
    }

    /** What rendering the PDF fails with. */
    public LetterException error() {
        return new LetterException(Kind.DATA, letter, 0, "pdf",
                String.format("the PDF fonts cannot draw %s in \"%s\"%s; make HTML instead, or spell the name"
                        + " in a Latin, Greek, Cyrillic, Arabic or Hebrew script", character(), line, fromSource()), null);
    }

    /** The same, for a letter that is not made into a PDF unless asked. */
    public String warning() {
        return String.format("the PDF would not show %s in \"%s\"%s (HTML, text and email do)", character(), line, fromSource());
    }

    private String fromSource() {
        return source.isEmpty() ? "" : " (" + source + ")";
    }

    private String character() {
        return String.format("'%s' (U+%04X)", Character.toString(codePoint), codePoint);
    }
}
