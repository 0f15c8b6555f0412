package org.signon.letter.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.letter.Format;
import org.signon.letter.LetterException;
import org.signon.letter.RenderedLetter;

/** The HTML of an email shows its images from parts of the message ({@code cid:}), never from {@code data:}. */
class EmailHtmlTest {

    @TempDir
    Path dir;

    private static final Map<String, List<String>> GROUPS = groups();

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("National Organizations", List.of("Example Action Fund", "Rights & Justice"));
        return groups;
    }

    private RenderedLetter letter(String logo, String body) {
        return HtmlTestLetters.rendered(dir.resolve("letter.md"), HtmlTestLetters.front("T", "en", "", logo), GROUPS, body);
    }

    private static String standalone(RenderedLetter letter) {
        return new String(LetterRenderer.render(letter, Format.HTML), StandardCharsets.UTF_8);
    }

    @Test
    void imagesAreCidReferencesToPartsEachListedOnceInTheOrderShown() throws Exception {
        byte[] logo = HtmlTestImages.png(dir.resolve("art/logo.png"), 0x1f4e79);
        byte[] chart = HtmlTestImages.png(dir.resolve("chart.png"), 0xb00020);

        EmailHtml email = LetterRenderer.forBatch().emailHtml(
                letter("art/logo.png", "See ![the chart](chart.png), ![again](chart.png) and ![us](art/logo.png)."));

        assertThat(email.images()).extracting(InlineImage::fileName).containsExactly("logo.png", "chart.png");
        InlineImage logoPart = email.images().get(0);
        InlineImage chartPart = email.images().get(1);
        assertThat(logoPart.bytes()).isEqualTo(logo);
        assertThat(chartPart.bytes()).isEqualTo(chart);
        assertThat(logoPart.mediaType()).isEqualTo("image/png");
        assertThat(logoPart.contentId()).matches("[0-9a-f]{32}@signon");
        Document page = Jsoup.parse(email.html());
        assertThat(page.selectFirst("img.letterhead").attr("src")).isEqualTo("cid:" + logoPart.contentId());
        assertThat(page.select("main p img").eachAttr("src")).containsExactly(
                "cid:" + chartPart.contentId(), "cid:" + chartPart.contentId(), "cid:" + logoPart.contentId());
        assertThat(email.html()).doesNotContain("data:");
    }

    @Test
    void thePolicyOfTheEmailPageAllowsItsPartsAndNothingElse() throws Exception {
        HtmlTestImages.png(dir.resolve("logo.png"));

        Document page = Jsoup.parse(LetterRenderer.forBatch().emailHtml(letter("logo.png", "Body.")).html());

        assertThat(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .contains("default-src 'none'", "img-src cid:;").doesNotContain("data:");
        assertThat(page.select("script, link, iframe, object, embed, base")).isEmpty();
    }

    @Test
    void theEmailPageIsTheStandalonePageWithOnlyImageReferencesAndPolicyChanged() throws Exception {
        HtmlTestImages.png(dir.resolve("logo.png"), 0x1f4e79);
        HtmlTestImages.png(dir.resolve("chart.png"), 0xb00020);
        RenderedLetter letter = letter("logo.png", "Dear Ms. Example,\n\n![Chart](chart.png)");

        EmailHtml email = LetterRenderer.forBatch().emailHtml(letter);

        String expected = standalone(letter).replace("img-src data:;", "img-src cid:;");
        for (InlineImage image : email.images()) {
            String dataUri = "data:" + image.mediaType() + ";base64,"
                    + java.util.Base64.getEncoder().encodeToString(image.bytes());
            expected = expected.replace(dataUri, image.url());
        }
        assertThat(email.html()).isEqualTo(expected);
    }

    @Test
    void theSameBytesUnderAnotherNameAreOnePart() throws Exception {
        byte[] logo = HtmlTestImages.png(dir.resolve("logo.png"));
        Files.write(dir.resolve("copy-of-logo.png"), logo);

        EmailHtml email = LetterRenderer.forBatch().emailHtml(letter("logo.png", "![copy](copy-of-logo.png)"));

        assertThat(email.images()).singleElement().satisfies(image -> assertThat(image.fileName()).isEqualTo("logo.png"));
        assertThat(Jsoup.parse(email.html()).select("img").eachAttr("src")).containsOnly(email.images().get(0).url());
    }

    @Test
    void contentIdsAreTheSameInEveryRunAndChangeWithTheImagesBytes() throws Exception {
        HtmlTestImages.png(dir.resolve("logo.png"), 0x1f4e79);
        RenderedLetter letter = letter("logo.png", "Body.");

        EmailHtml first = LetterRenderer.forBatch().emailHtml(letter);
        EmailHtml again = LetterRenderer.forBatch().emailHtml(letter);
        HtmlTestImages.png(dir.resolve("logo.png"), 0x006400);
        EmailHtml changed = LetterRenderer.forBatch().emailHtml(letter);

        assertThat(again.html()).isEqualTo(first.html());
        assertThat(again.images()).isEqualTo(first.images());
        assertThat(changed.images().get(0).contentId()).isNotEqualTo(first.images().get(0).contentId());
        assertThat(changed.html()).isNotEqualTo(first.html());
    }

    @Test
    void aBatchReadsItsImagesOnceForTheEmailToo() throws Exception {
        byte[] logo = HtmlTestImages.png(dir.resolve("logo.png"));
        LetterRenderer batch = LetterRenderer.forBatch();
        RenderedLetter letter = letter("logo.png", "Body.");
        EmailHtml first = batch.emailHtml(letter);

        Files.delete(dir.resolve("logo.png"));

        EmailHtml second = batch.emailHtml(letter);
        assertThat(second).isEqualTo(first);
        assertThat(second.images().get(0).bytes()).isEqualTo(logo);
        assertThatThrownBy(() -> LetterRenderer.forBatch().emailHtml(letter)).isInstanceOf(LetterException.class);
    }

    @Test
    void aLetterWithoutImagesHasNoPartsAndTheHtmlItAlwaysHad() {
        EmailHtml email = LetterRenderer.forBatch().emailHtml(letter("", "Dear Ms. Example,"));

        assertThat(email.images()).isEmpty();
        assertThat(email.html()).as("the same HTML, so journals of earlier versions hash it the same")
                .isEqualTo(standalone(letter("", "Dear Ms. Example,")));
    }

    @Test
    void theStandalonePageAndThePdfsPageKeepDataUris() throws Exception {
        HtmlTestImages.png(dir.resolve("logo.png"));
        RenderedLetter letter = letter("logo.png", "![Logo](logo.png)");
        LetterRenderer batch = LetterRenderer.forBatch();
        batch.emailHtml(letter);

        for (String html : List.of(batch.html(letter), standalone(letter),
                HtmlDocument.compose(letter, HtmlDocument.stylesheet(PdfDocument.PDF_STYLESHEET), false))) {
            assertThat(Jsoup.parse(html).select("img").eachAttr("src")).hasSize(2)
                    .allMatch(src -> src.startsWith("data:image/png;base64,"));
            assertThat(html).doesNotContain("cid:");
        }
    }
}
