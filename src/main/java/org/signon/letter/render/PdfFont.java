package org.signon.letter.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The TrueType faces a PDF letter may use, read from the DejaVu fonts jar on the classpath
 * (a build dependency), never from the system. DejaVu Serif covers Latin, Greek and Cyrillic;
 * DejaVu Sans adds Arabic and Hebrew, but its obliques lack them, hence "DejaVu Sans Upright":
 * the upright faces registered for italic too, last in every font-family chain.
 */
enum PdfFont {
    SERIF("DejaVu Serif", "DejaVuSerif.ttf", 400, FontStyle.NORMAL),
    SERIF_BOLD("DejaVu Serif", "DejaVuSerif-Bold.ttf", 700, FontStyle.NORMAL),
    SERIF_ITALIC("DejaVu Serif", "DejaVuSerif-Italic.ttf", 400, FontStyle.ITALIC),
    SERIF_BOLD_ITALIC("DejaVu Serif", "DejaVuSerif-BoldItalic.ttf", 700, FontStyle.ITALIC),
    SANS("DejaVu Sans", "DejaVuSans.ttf", 400, FontStyle.NORMAL),
    SANS_BOLD("DejaVu Sans", "DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
    SANS_OBLIQUE("DejaVu Sans", "DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC),
    SANS_BOLD_OBLIQUE("DejaVu Sans", "DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC),
    UPRIGHT("DejaVu Sans Upright", "DejaVuSans.ttf", 400, FontStyle.NORMAL),
    UPRIGHT_BOLD("DejaVu Sans Upright", "DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL),
    UPRIGHT_AS_ITALIC("DejaVu Sans Upright", "DejaVuSans.ttf", 400, FontStyle.ITALIC),
    UPRIGHT_BOLD_AS_ITALIC("DejaVu Sans Upright", "DejaVuSans-Bold.ttf", 700, FontStyle.ITALIC);

    /** Where jasperreports-fonts keeps the DejaVu files. */
    static final String FOLDER = "/net/sf/jasperreports/fonts/dejavu/";

    private final String family;
    private final String file;
    private final int weight;
    private final FontStyle style;

    PdfFont(String family, String file, int weight, FontStyle style) {
        this.family = family;
        this.file = file;
        this.weight = weight;
        this.style = style;
    }

    String resource() {
        return FOLDER + file;
    }

    /** Opens the font file; a missing one means a broken build, not a user error. */
    InputStream open() {
        InputStream in = PdfFont.class.getResourceAsStream(resource());
        if (in == null) {
            throw new UncheckedIOException(new java.io.FileNotFoundException(
                    "font " + resource() + " is missing from the classpath (jasperreports-fonts)"));
        }
        return in;
    }

    /** Registers every face, subset so that the PDF carries only the glyphs it uses. */
    static void registerAll(PdfRendererBuilder builder) {
        for (PdfFont font : values()) {
            builder.useFont(font::open, font.family, font.weight, font.style, true);
        }
    }
}
