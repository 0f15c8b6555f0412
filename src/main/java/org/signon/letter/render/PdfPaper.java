package org.signon.letter.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import java.util.Locale;
import org.signon.SignonException.Kind;
import org.signon.letter.Letter;
import org.signon.letter.LetterException;

/** The paper a PDF letter is laid out on, from front matter {@code paper}. */
enum PdfPaper {
    LETTER(8.5f, 11f, PageSizeUnits.INCHES),
    A4(210f, 297f, PageSizeUnits.MM);

    private final float width;
    private final float height;
    private final PageSizeUnits units;

    PdfPaper(float width, float height, PageSizeUnits units) {
        this.width = width;
        this.height = height;
        this.units = units;
    }

    float width() {
        return width;
    }

    float height() {
        return height;
    }

    PageSizeUnits units() {
        return units;
    }

    /** @throws LetterException DATA at the {@code paper} line for anything but letter or a4 */
    static PdfPaper of(Letter letter) {
        String paper = letter.front().paper().strip().toLowerCase(Locale.ROOT);
        return switch (paper) {
            case "", "letter", "us-letter" -> LETTER;
            case "a4" -> A4;
            default -> throw new LetterException(Kind.DATA, letter.file(), letter.front().lineOf("paper"),
                    "paper", "paper must be letter or a4, not '" + letter.front().paper() + "'", null);
        };
    }
}
