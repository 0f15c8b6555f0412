package org.signon.letter.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.SignonException.Kind;
import org.signon.letter.Format;
import org.signon.letter.FrontMatter;
import org.signon.letter.Letter;
import org.signon.letter.LetterException;
import org.signon.letter.RenderedLetter;

class PdfDocumentTest {

    @TempDir
    Path dir;

    private static final List<String> LATIN = List.of("Rights & Justice", "<script>alert(1)</script>",
            "Société Générale des Droits", "Český Spolek Příkladů", "Fundación Niñez y Acción",
            "Łódzka Fundacja Przykładów", "Beispiel-Verein für Grundrechte e.V.");
    private static final List<String> GREEK = List.of("Ελληνική Ένωση για τα Δικαιώματα του Ανθρώπου");
    private static final List<String> CYRILLIC = List.of("Правозащитный центр «Пример»", "Українська Гельсінська спілка");
    private static final List<String> ARABIC = List.of("منظمة حقوق الإنسان", "الشبكة العربية للمعلومات");

    private RenderedLetter letter(FrontMatter front, Map<String, List<String>> groups) {
        return HtmlTestLetters.rendered(dir.resolve("letter.md"), front, groups, "Dear Ms. Example,\n\nWe write.");
    }

    private static Map<String, List<String>> scripts() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("National Organizations", LATIN);
        groups.put("International Organizations", concat(GREEK, CYRILLIC, ARABIC));
        return groups;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static Map<String, List<String>> many(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add("Example Community Organization " + i + " (Oakland, CA)");
        }
        return Map.of("National Organizations", names);
    }

    /** The text a reader would copy out of the PDF, one string per page. */
    private static List<String> pages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        }
    }

    /** Extracted text with Arabic presentation forms folded back and direction marks removed. */
    private static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .replaceAll("[\\u200e\\u200f\\u202a-\\u202e]", "")
                .replaceAll("\\s+", " ");
    }

    @Test
    void everySignerNameRendersAsExtractableTextInEveryScript() throws IOException {
        byte[] pdf = PdfDocument.render(letter(HtmlTestLetters.front("Letter to Example Cloud", "en", "", ""), scripts()));

        String text = plain(String.join("\n", pages(pdf)));
        assertThat(text).contains("Letter to Example Cloud", "Dear Ms. Example,", "National Organizations",
                "International Organizations");
        for (String name : concat(LATIN, GREEK, CYRILLIC)) {
            assertThat(text).contains(name);
        }
        for (String name : ARABIC) {
            assertThat(text).contains(name);
        }
    }

    @Test
    void arabicInItalicsFallsBackToAnUprightFaceThatHasIt() throws IOException {
        RenderedLetter rendered = HtmlTestLetters.rendered(dir.resolve("letter.md"),
                HtmlTestLetters.front("T", "en", "", ""), Map.of("", List.of("Example Org")),
                "*" + ARABIC.get(0) + "* and **_" + ARABIC.get(1) + "_**");

        assertThat(plain(String.join("\n", pages(PdfDocument.render(rendered)))))
                .contains(ARABIC.get(0), ARABIC.get(1));
    }

    @Test
    void latinNamesKeepTheirPunctuationInARightToLeftLetter() throws IOException {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("المنظمات الوطنية", concat(ARABIC, List.of("Example Tenants Union (Oakland, CA)", "<b>Bold</b> Org")));
        RenderedLetter rendered = HtmlTestLetters.rendered(dir.resolve("letter.md"),
                HtmlTestLetters.front("رسالة", "ar", "", ""), groups, "نكتب إليكم.");

        String text = plain(String.join("\n", pages(PdfDocument.render(rendered))));

        assertThat(text).contains("Example Tenants Union (Oakland, CA)", "<b>Bold</b> Org", "المنظمات الوطنية");
        for (String name : ARABIC) {
            assertThat(text).contains(name);
        }
    }

    @Test
    void everyNameStaysInsideThePageMarginsInBothDirections() throws IOException {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(concat(ARABIC, LATIN));
        for (int i = 0; i < 12; i++) {
            names.add("Example Tenants Union Number " + i + " (Oakland, CA)");
        }
        groups.put("Organizations", names);
        for (String lang : List.of("en", "ar")) {
            byte[] pdf = PdfDocument.render(letter(HtmlTestLetters.front("T", lang, "", ""), groups));
            try (PDDocument document = Loader.loadPDF(pdf)) {
                float width = document.getPage(0).getMediaBox().getWidth();
                float[] extent = {Float.MAX_VALUE, 0};
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) throws IOException {
                        for (TextPosition glyph : positions) {
                            extent[0] = Math.min(extent[0], glyph.getXDirAdj());
                            extent[1] = Math.max(extent[1], glyph.getXDirAdj() + glyph.getWidthDirAdj());
                        }
                        super.writeString(text, positions);
                    }
                };
                stripper.getText(document);
                float margin = 2.3f / 2.54f * 72; // the stylesheet's 2.3cm side margins
                assertThat(extent[0]).as(lang + " leftmost glyph").isGreaterThanOrEqualTo(margin - 1);
                assertThat(extent[1]).as(lang + " rightmost glyph").isLessThanOrEqualTo(width - margin + 1);
            }
        }
    }

    @Test
    void fontsAreTheEmbeddedDejaVuSubsetsNeverASystemFont() throws IOException {
        byte[] pdf = PdfDocument.render(letter(HtmlTestLetters.front("T", "en", "", ""), scripts()));

        List<String> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts.add(font.getName());
                }
            }
        }
        assertThat(fonts).isNotEmpty().allMatch(name -> name.matches("[A-Z]{6}\\+DejaVu.*"));
        assertThat(fonts).anyMatch(name -> name.contains("DejaVuSerif")).anyMatch(name -> name.contains("DejaVuSans"));
    }

    @Test
    void paperIsLetterByDefaultAndA4OnRequest() throws IOException {
        assertThat(mediaBox(PdfDocument.render(letter(HtmlTestLetters.front("T", "en", "", ""), scripts()))))
                .satisfies(box -> {
                    assertThat(box.getWidth()).isCloseTo(PDRectangle.LETTER.getWidth(), within(0.5f));
                    assertThat(box.getHeight()).isCloseTo(PDRectangle.LETTER.getHeight(), within(0.5f));
                });
        assertThat(mediaBox(PdfDocument.render(letter(HtmlTestLetters.front("T", "en", "A4", ""), scripts()))))
                .satisfies(box -> {
                    assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(0.5f));
                    assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getHeight(), within(0.5f));
                });
    }

    private static PDRectangle mediaBox(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getPage(0).getMediaBox();
        }
    }

    @Test
    void unknownPaperIsADataErrorAtItsLine() {
        RenderedLetter rendered = letter(HtmlTestLetters.front("T", "en", "legal", ""), scripts());

        assertThatThrownBy(() -> PdfDocument.render(rendered))
                .isInstanceOfSatisfying(LetterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DATA);
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("letter or a4", "legal");
                });
    }

    @Test
    void everyPageCarriesItsNumberAndTheTotal() throws IOException {
        byte[] pdf = PdfDocument.render(letter(HtmlTestLetters.front("T", "en", "", ""), many(400)));

        List<String> pages = pages(pdf);
        assertThat(pages).hasSizeGreaterThan(2);
        for (int page = 1; page <= pages.size(); page++) {
            assertThat(pages.get(page - 1)).contains("Page " + page + " of " + pages.size());
        }
        String text = String.join("\n", pages).replaceAll("\\s+", " ");
        for (int i = 1; i <= 400; i++) {
            assertThat(text).contains("Example Community Organization " + i + " (Oakland, CA)");
        }
    }

    @Test
    void footerSpeaksTheLetterLanguageWhereItKnowsTheWords() throws IOException {
        assertThat(pages(PdfDocument.render(letter(HtmlTestLetters.front("T", "de", "", ""), scripts()))).get(0))
                .contains("Seite 1 von 1");
        // PDFBox hands back this right-to-left margin box in visual order; the page shows it right.
        assertThat(plain(pages(PdfDocument.render(letter(HtmlTestLetters.front("T", "ar", "", ""), scripts()))).get(0)))
                .containsAnyOf("صفحة 1 من 1", "1 نم 1 ةحفص").doesNotContain("Page", "#");
        assertThat(pages(PdfDocument.render(letter(HtmlTestLetters.front("T", "sw", "", ""), scripts()))).get(0))
                .contains("Page 1 of 1");
    }

    @Test
    void letterheadImageIsDrawnOnTheFirstPage() throws IOException {
        HtmlTestImages.png(dir.resolve("logo.png"));

        byte[] pdf = PdfDocument.render(letter(HtmlTestLetters.front("T", "en", "", "logo.png"), scripts()));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDImageXObject> images = images(document.getPage(0));
            assertThat(images).singleElement().satisfies(image -> {
                assertThat(image.getWidth()).isEqualTo(480);
                assertThat(image.getHeight()).isEqualTo(96);
            });
        }
    }

    @Test
    void theSameLetterGivesTheSameBytesAndItsSourceGivesTheDocumentId() throws IOException {
        RenderedLetter rendered = letter(HtmlTestLetters.front("T", "en", "", ""), Map.of("G", List.of("Example Org")));
        RenderedLetter other = letter(HtmlTestLetters.front("T", "en", "", ""), Map.of("G", List.of("Example Org", "Second Org")));
        RenderedLetter a4 = letter(HtmlTestLetters.front("T", "en", "a4", ""), Map.of("G", List.of("Example Org")));

        LetterPdf first = LetterRenderer.forBatch().pdf(rendered);
        LetterPdf again = LetterRenderer.forBatch().pdf(rendered);
        LetterPdf longer = LetterRenderer.forBatch().pdf(other);
        LetterPdf onA4 = LetterRenderer.forBatch().pdf(a4);

        assertThat(sha(again.bytes())).isEqualTo(sha(first.bytes())).isEqualTo(sha(LetterRenderer.render(rendered, Format.PDF)));
        assertThat(again.sourceSha256()).isEqualTo(first.sourceSha256()).hasSize(64);
        assertThat(documentId(first.bytes())).containsExactly(prefix(first.sourceSha256()), prefix(first.sourceSha256()));
        assertThat(longer.sourceSha256()).isNotEqualTo(first.sourceSha256());
        assertThat(documentId(longer.bytes()).get(0)).isEqualTo(prefix(longer.sourceSha256())).isNotEqualTo(prefix(first.sourceSha256()));
        assertThat(onA4.sourceSha256()).as("the paper counts").isNotEqualTo(first.sourceSha256());
        assertThat(documentId(onA4.bytes()).get(0)).isNotEqualTo(prefix(first.sourceSha256()));
    }

    @Test
    void aPdfCarriesNoClockTime() throws IOException {
        byte[] pdf = PdfDocument.render(letter(HtmlTestLetters.front("T", "en", "", ""), Map.of("G", List.of("Example Org"))));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = document.getDocumentInformation();
            assertThat(info.getCreationDate()).isNull();
            assertThat(info.getModificationDate()).isNull();
            assertThat(info.getProducer()).isEqualTo("signon");
            assertThat(document.getDocumentCatalog().getMetadata()).as("no XMP packet with its own dates").isNull();
        }
    }

    @Test
    void letterheadsImagesAndEveryScriptRenderToTheSameBytesEachTime() throws IOException {
        Files.writeString(dir.resolve("logo.svg"), HtmlTestImages.SVG);
        HtmlTestImages.png(dir.resolve("logo.png"));
        RenderedLetter vector = letter(HtmlTestLetters.front("T", "en", "a4", "logo.svg"), scripts());
        RenderedLetter raster = letter(HtmlTestLetters.front("T", "ar", "", "logo.png"), scripts());

        assertThat(sha(PdfDocument.render(vector))).isEqualTo(sha(PdfDocument.render(vector)));
        assertThat(sha(PdfDocument.render(raster))).isEqualTo(sha(PdfDocument.render(raster)));
    }

    /** A PDF by its hash, so that a failure shows two hashes rather than two byte dumps. */
    private static String sha(byte[] pdf) {
        return Sha256.hex(pdf);
    }

    /** The two halves of the trailer /ID, as hex. */
    private static List<String> documentId(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            COSArray id = document.getDocument().getTrailer().getCOSArray(COSName.ID);
            return List.of(hex(id.get(0)), hex(id.get(1)));
        }
    }

    private static String hex(COSBase value) {
        return HexFormat.of().formatHex(((COSString) value).getBytes());
    }

    /** The first 16 bytes of a SHA-256 in hex. */
    private static String prefix(String sha256) {
        return sha256.substring(0, 32);
    }

    @Test
    void theAttachedPdfsOfABatchReadTheLetterheadOnce() throws IOException {
        HtmlTestImages.png(dir.resolve("logo.png"));
        RenderedLetter rendered = letter(HtmlTestLetters.front("T", "en", "", "logo.png"), Map.of("G", List.of("Example Org")));
        LetterRenderer batch = LetterRenderer.forBatch();
        batch.bytes(rendered, Format.PDF);

        Files.delete(dir.resolve("logo.png"));

        try (PDDocument document = Loader.loadPDF(batch.bytes(rendered, Format.PDF))) {
            List<PDImageXObject> images = images(document.getPage(0));
            assertThat(images).as("the second PDF still carries the logo read for the first").hasSize(1);
        }
        assertThatThrownBy(() -> LetterRenderer.render(rendered, Format.PDF)).isInstanceOf(LetterException.class)
                .hasMessageContaining("logo not found");
    }

    private static List<PDImageXObject> images(PDPage page) throws IOException {
        PDResources resources = page.getResources();
        List<PDImageXObject> images = new ArrayList<>();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        return images;
    }

    @Test
    void svgLetterheadIsDrawnAsVectorsWithoutComplaint() throws IOException {
        Files.writeString(dir.resolve("logo.svg"), HtmlTestImages.SVG);
        List<String> diagnostics = new ArrayList<>();

        byte[] pdf = PdfDocument.render(letter(HtmlTestLetters.front("T", "en", "", "logo.svg"), scripts()),
                diagnostics::add);

        assertThat(diagnostics).isEmpty();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // The SVG's red rectangle (#b00020) as a fill colour, on the page or in a form it draws.
            assertThat(drawing(document.getPage(0))).containsPattern("0\\.69\\d* 0 0\\.12\\d* (rg|sc)");
        }
    }

    /** The page's content stream followed by those of the forms it draws. */
    private static String drawing(PDPage page) throws IOException {
        StringBuilder drawing = new StringBuilder(new String(page.getContents().readAllBytes(), StandardCharsets.ISO_8859_1));
        PDResources resources = page.getResources();
        for (COSName name : resources.getXObjectNames()) {
            if (resources.getXObject(name) instanceof PDFormXObject form) {
                drawing.append(new String(form.getContents().readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return drawing.toString();
    }

    @Test
    void pdfTitleIsTheLetterTitle() throws IOException {
        byte[] pdf = PdfDocument.render(letter(HtmlTestLetters.front("Letter to Example Cloud", "en", "", ""), scripts()));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Letter to Example Cloud");
        }
    }

    @Test
    void rendererMessagesGoToTheConsumerAndNeverToTheConsole() throws IOException {
        // A PNG header followed by garbage: our check passes, the image decoder fails.
        byte[] truncated = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 1};
        Files.write(dir.resolve("broken.png"), truncated);
        List<String> diagnostics = new ArrayList<>();

        PdfDocument.render(letter(HtmlTestLetters.front("T", "en", "", "broken.png"), scripts()), diagnostics::add);

        assertThat(diagnostics).isNotEmpty().allMatch(message -> message.startsWith("pdf: "))
                .anyMatch(message -> message.contains("image"));
        assertThat(XRLog.getLoggerImpl()).isInstanceOf(PdfSilentLogger.class);

        PdfDocument.render(letter(HtmlTestLetters.front("T", "en", "", ""), scripts()));
        assertThat(XRLog.isLoggingEnabled()).isFalse();
    }

    @Test
    void aNameNoBundledFontCanDrawFailsInsteadOfPrintingPlaceholders() {
        Map<String, List<String>> groups = Map.of("G", List.of("Example Org", "日本人権団体"));
        RenderedLetter rendered = letter(HtmlTestLetters.front("T", "en", "", ""), groups);

        assertThatThrownBy(() -> PdfDocument.render(rendered))
                .isInstanceOfSatisfying(LetterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DATA);
                    assertThat(e.file()).isEqualTo(dir.resolve("letter.md"));
                    assertThat(e.getMessage()).contains("'日' (U+65E5)", "日本人権団体", "HTML");
                });
    }

    @Test
    void invisibleDirectionMarksAndJoinersNeedNoGlyph() throws IOException {
        String name = "\u200fمنظمة\u200d حقوق\u200e";
        byte[] pdf = PdfDocument.render(letter(HtmlTestLetters.front("T", "en", "", ""), Map.of("G", List.of(name))));

        assertThat(plain(String.join("\n", pages(pdf)))).contains("منظمة");
    }

    @Test
    void missingLogoFailsBeforeAnyLayout() {
        RenderedLetter rendered = letter(HtmlTestLetters.front("T", "en", "", "nope.png"), scripts());

        assertThatThrownBy(() -> PdfDocument.render(rendered))
                .isInstanceOfSatisfying(LetterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NO_INPUT);
                    assertThat(e.line()).isEqualTo(5);
                });
    }
}
