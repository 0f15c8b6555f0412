package org.signon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF a coalition publishes, made by {@code signon render -o letter.pdf} from files. */
class PdfLayoutTest {

    @TempDir
    Path dir;

    /** One glyph as drawn: its page (from 1), its text, left and right edges, and baseline. */
    record Glyph(int page, String text, float left, float right, float y) {
    }

    private Path letter(String frontMatter, String body) throws IOException {
        Path letter = dir.resolve("letter.md");
        Files.writeString(letter, "---\n" + frontMatter + "signers: signers.csv\n---\n\n" + body, StandardCharsets.UTF_8);
        return letter;
    }

    private void signers(String csv) throws IOException {
        Files.writeString(dir.resolve("signers.csv"), csv, StandardCharsets.UTF_8);
    }

    private byte[] renderPdf(Path letter) throws IOException {
        Path pdf = dir.resolve("letter.pdf");
        CliRun run = CliRun.of("render", letter.toString(), "-o", pdf.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Files.readAllBytes(pdf);
    }

    private static List<Glyph> glyphs(byte[] pdf) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition glyph : positions) {
                        glyphs.add(new Glyph(getCurrentPageNo(), glyph.getUnicode(), glyph.getXDirAdj(),
                                glyph.getXDirAdj() + glyph.getWidthDirAdj(), glyph.getYDirAdj()));
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.getText(document);
        }
        return glyphs;
    }

    @Test
    void aGroupHeadingAnywhereOnThePageMakesAPdfAndStaysWithItsFirstNames() throws IOException {
        // A heading followed by a list long enough for columns, pushed down the page one paragraph
        // at a time, so that at some length it falls at the foot of the page.
        StringBuilder csv = new StringBuilder("Organization,Type,Consent\n");
        for (int i = 0; i < 5; i++) {
            csv.append("Alpha Group ").append(i).append(",National,Yes\n");
        }
        for (int i = 0; i < 12; i++) {
            csv.append("Beta Group ").append(i).append(",State,Yes\n");
        }
        signers(csv.toString());
        for (int paragraphs = 30; paragraphs <= 60; paragraphs++) {
            Path letter = letter("title: Letter\ngroups: [National, State]\n",
                    "Paragraph.\n\n".repeat(paragraphs));
            Path pdf = dir.resolve("letter.pdf");

            CliRun run = CliRun.of("render", letter.toString(), "-o", pdf.toString());

            assertThat(run.exitCode()).as(paragraphs + " paragraphs: " + run.err()).isZero();
            List<Glyph> glyphs = glyphs(Files.readAllBytes(pdf));
            for (String heading : List.of("National", "State")) {
                Glyph first = headingStart(glyphs, heading);
                assertThat(glyphs).as(paragraphs + " paragraphs: a name under '" + heading + "' on its page")
                        .anyMatch(glyph -> glyph.page() == first.page() && glyph.y() > first.y() + 5
                                && !isFooter(glyph, glyphs));
            }
        }
    }

    @Test
    void anUnbrokenNameOrAddressWrapsInsideItsColumnAndThePage() throws IOException {
        String longName = "https://example.org/" + "x".repeat(150);
        StringBuilder csv = new StringBuilder("Organization,Consent\n").append(longName).append(",Yes\n");
        for (int i = 0; i < 30; i++) {
            csv.append("Example Group ").append(i).append(",Yes\n");
        }
        signers(csv.toString());
        Path letter = letter("title: Letter\n", "Read it at https://example.org/" + "a".repeat(120) + " today.\n");

        List<Glyph> glyphs = glyphs(renderPdf(letter));

        float width = 612; // letter paper
        float margin = 2.3f / 2.54f * 72; // the stylesheet's side margins
        float gap = 1f / 2.54f * 72; // its column gap
        float column = (width - 2 * margin - gap) / 2;
        assertThat(glyphs).allSatisfy(glyph -> {
            assertThat(glyph.left()).as("left edge of '%s'", glyph.text()).isGreaterThanOrEqualTo(margin - 1);
            assertThat(glyph.right()).as("right edge of '%s'", glyph.text()).isLessThanOrEqualTo(width - margin + 1);
        });
        assertThat(glyphs).filteredOn(glyph -> glyph.text().equals("x") && glyph.left() < width / 2)
                .isNotEmpty()
                .allSatisfy(glyph -> assertThat(glyph.right()).as("an x of the long name, short of the second column")
                        .isLessThan(margin + column + gap / 2));
    }

    @Test
    void persianLettersAreJoinedLikeArabicOnes() throws IOException {
        signers("Organization,Country,Consent\nانجمن حقوق دیجیتال,Iran,Yes\nمركز الحقوق الرقمية,Egypt,Yes\n");
        Path letter = letter("title: نامه به شرکت نمونه\nlang: fa\n", "ما سازمان هستیم.\n");

        StringBuilder text = new StringBuilder(); // in the order drawn: right-to-left words come reversed
        glyphs(renderPdf(letter)).forEach(glyph -> text.append(glyph.text()));

        // ی (U+06CC) and ک (U+06A9) are drawn in their joined forms, as the Arabic letters around them are.
        assertThat(text.toString())
                .contains("\uFBFF") // medial ی of هستیم
                .contains("\uFBFE") // initial ی of دیجیتال
                .contains("\uFB90") // initial ک of شرکت
                .doesNotContain("\u06CC", "\u06A9")
                .contains("\uFEB0\uFEDB\uFEAE\uFEE3"); // مركز, which was already joined
    }

    @Test
    void theFooterOfARightToLeftLetterReadsInOrder() throws IOException {
        signers("Organization,Consent\nExample Org,Yes\n");
        for (String[] expected : List.of(new String[] {"fa", "صفحه", "از"}, new String[] {"he", "עמוד", "מתוך"},
                new String[] {"ps", "Page", "of"})) {
            Path letter = letter("title: T\nlang: " + expected[0] + "\n", "Text.\n");

            List<Glyph> glyphs = glyphs(renderPdf(letter));

            // "Page" comes first in reading order: rightmost in Persian and Hebrew, leftmost in
            // the English that stands in for a language without its own words.
            List<Glyph> footer = glyphs.stream().filter(glyph -> isFooter(glyph, glyphs)).toList();
            // The letters of "Page" that "of" does not have.
            List<Glyph> word = footer.stream().map(glyph -> new Glyph(glyph.page(),
                    java.text.Normalizer.normalize(glyph.text(), java.text.Normalizer.Form.NFKC),
                    glyph.left(), glyph.right(), glyph.y()))
                    .filter(glyph -> expected[1].contains(glyph.text()) && !expected[2].contains(glyph.text())).toList();
            List<Glyph> digits = footer.stream().filter(glyph -> glyph.text().equals("1")).toList();
            assertThat(word).as(expected[0]).isNotEmpty();
            assertThat(digits).as(expected[0]).hasSize(2);
            boolean leftToRight = expected[1].equals("Page");
            for (Glyph letterOfWord : word) {
                for (Glyph digit : digits) {
                    assertThat(letterOfWord.left() < digit.left()).as(expected[0] + ": 'Page' left of the numbers")
                            .isEqualTo(leftToRight);
                }
            }
        }
    }

    /** The first glyph of the line that holds only {@code heading}. */
    private static Glyph headingStart(List<Glyph> glyphs, String heading) {
        for (int i = 0; i + heading.length() <= glyphs.size(); i++) {
            StringBuilder text = new StringBuilder();
            for (int j = i; j < i + heading.length(); j++) {
                text.append(glyphs.get(j).text());
            }
            Glyph first = glyphs.get(i);
            boolean alone = i + heading.length() == glyphs.size()
                    || glyphs.get(i + heading.length()).y() != first.y();
            if (text.toString().equals(heading) && alone) {
                return first;
            }
        }
        throw new AssertionError("no heading " + heading);
    }

    /** The "Page 1 of 2" line: the lowest line of its page. */
    private static boolean isFooter(Glyph glyph, List<Glyph> glyphs) {
        float lowest = 0;
        for (Glyph other : glyphs) {
            if (other.page() == glyph.page()) {
                lowest = Math.max(lowest, other.y());
            }
        }
        return glyph.y() >= lowest - 1;
    }
}
