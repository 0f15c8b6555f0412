package org.signon.letter.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.signon.letter.LetterException;
import org.signon.letter.RenderedLetter;

/**
 * Refuses a PDF that would show a signer's name as "####": openhtmltopdf silently draws a
 * placeholder for a character none of the bundled DejaVu fonts has (Chinese, Japanese,
 * Korean, Devanagari...). A name dropped that way is the kind of public mistake signon exists
 * to prevent, so the letter fails with the character and the line that holds it.
 */
final class FontCoverage {

    /** Basic Latin to Latin Extended-B: DejaVu has all of it, no font need be read. */
    private static final int ALWAYS_COVERED = 0x0250;
    /** The faces every font-family chain ends in; their union is what the PDF can draw. */
    private static final List<PdfFont> FACES = List.of(PdfFont.SERIF, PdfFont.SANS);

    private FontCoverage() {
    }

    /** @throws LetterException DATA naming the first character no bundled font can draw */
    static void check(RenderedLetter rendered) {
        String text = rendered.markdown();
        if (text.chars().allMatch(c -> c < ALWAYS_COVERED)) {
            return;
        }
        List<CmapLookup> fonts = BundledCmaps.ALL;
        text.codePoints().distinct()
                .filter(c -> needsGlyph(c) && fonts.stream().allMatch(font -> font.getGlyphId(c) == 0))
                .findFirst()
                .ifPresent(missing -> {
                    throw missing(rendered, missing);
                });
    }

    /**
     * Each line of the letter holding a character no bundled font can draw, with the first
     * such character: what {@link #check} would stop on, every place it occurs. A character
     * check, no PDF is made.
     */
    static List<PdfFontGap> gaps(RenderedLetter rendered) {
        String text = rendered.markdown();
        if (text.chars().allMatch(c -> c < ALWAYS_COVERED)) {
            return List.of();
        }
        Map<Integer, Boolean> drawable = new HashMap<>();
        List<PdfFontGap> gaps = new ArrayList<>();
        text.lines().forEach(line -> line.codePoints()
                .filter(c -> needsGlyph(c) && !drawable.computeIfAbsent(c, FontCoverage::drawable))
                .findFirst()
                .ifPresent(missing -> gaps.add(new PdfFontGap(rendered.letter().file(), missing, shown(line)))));
        return List.copyOf(gaps);
    }

    static boolean drawable(int c) {
        return BundledCmaps.ALL.stream().anyMatch(font -> font.getGlyphId(c) != 0);
    }

    /**
     * The faces' character maps, read from the jar once: each attached PDF of a batch would
     * otherwise parse two fonts of several hundred kilobytes. Read-only once built.
     */
    private static final class BundledCmaps {
        static final List<CmapLookup> ALL = FACES.stream().map(BundledCmaps::read).toList();

        private static CmapLookup read(PdfFont face) {
            try (InputStream in = face.open(); TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
                // The lookup holds the parsed table; it no longer needs the font open.
                return font.getUnicodeCmapLookup();
            } catch (IOException e) {
                throw new UncheckedIOException("bundled font unreadable: " + face, e);
            }
        }
    }

    /** Spaces, controls and invisible format characters (direction marks, joiners) draw nothing. */
    private static boolean needsGlyph(int c) {
        if (c < ALWAYS_COVERED || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return false;
        }
        int type = Character.getType(c);
        boolean variationSelector = (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
        return type != Character.CONTROL && type != Character.FORMAT && !variationSelector;
    }

    private static LetterException missing(RenderedLetter rendered, int missing) {
        String line = rendered.markdown().lines()
                .filter(l -> l.indexOf(Character.toString(missing)) >= 0)
                .findFirst().orElse("");
        return new PdfFontGap(rendered.letter().file(), missing, shown(line)).error();
    }

    /** A line as a message quotes it: stripped, and cut at 80 characters. */
    private static String shown(String line) {
        String shown = line.strip();
        return shown.length() > 80 ? shown.substring(0, 77) + "..." : shown;
    }
}
