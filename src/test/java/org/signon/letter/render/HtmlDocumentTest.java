package org.signon.letter.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.SignonException.Kind;
import org.signon.letter.FrontMatter;
import org.signon.letter.Letter;
import org.signon.letter.LetterException;
import org.signon.letter.RenderedLetter;

class HtmlDocumentTest {

    @TempDir
    Path dir;

    private static final Map<String, List<String>> GROUPS = groups();

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("National Organizations", List.of("Example Action Fund", "Rights & Justice",
                "<script>alert(1)</script>", "Société Générale des Droits"));
        groups.put("State and Local Organizations", List.of("Example Tenants Union (Oakland, CA)",
                "Council on Example Relations (CAIR-NY)"));
        groups.put("International Organizations", List.of("Ελληνική Ένωση για τα Δικαιώματα",
                "Правозащитный центр «Пример»", "منظمة حقوق الإنسان", "Beispiel e.V."));
        return groups;
    }

    private RenderedLetter letter(FrontMatter front, String body) {
        return HtmlTestLetters.rendered(dir.resolve("letter.md"), front, GROUPS, body);
    }

    private Document page(FrontMatter front, String body) {
        return Jsoup.parse(HtmlDocument.render(letter(front, body)));
    }

    private Document page() {
        return page(HtmlTestLetters.front("Letter to Example Cloud", "en", "", ""), "Dear Ms. Example,\n\nWe write.");
    }

    @Test
    void isAStandaloneHtml5DocumentWithLanguageAndTitle() {
        String html = HtmlDocument.render(letter(
                HtmlTestLetters.front("Letter to Example Cloud", "en", "", ""), "Dear Ms. Example,"));
        Document page = Jsoup.parse(html);

        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("meta[charset]").attr("charset")).isEqualTo("utf-8");
        assertThat(page.selectFirst("meta[name=viewport]").attr("content")).contains("width=device-width");
        assertThat(page.title()).isEqualTo("Letter to Example Cloud");
        assertThat(page.select("h1").eachText()).containsExactly("Letter to Example Cloud");
        assertThat(page.select("main > p").eachText()).contains("May 1, 2026", "Dear Ms. Example,");
    }

    @Test
    void signerListIsASectionWithGroupHeadingsAndOneItemPerSigner() {
        Document page = page();

        assertThat(page.select("section.signers")).hasSize(1);
        Element signers = page.selectFirst("section.signers");
        assertThat(signers.select("h2").eachText()).containsExactly(
                "National Organizations", "State and Local Organizations", "International Organizations");
        List<String> expected = new ArrayList<>();
        GROUPS.values().forEach(expected::addAll);
        assertThat(signers.select("li").eachText()).containsExactlyElementsOf(expected);
        assertThat(page.select("li")).hasSize(expected.size());
        assertThat(page.html()).doesNotContain("<!-- signers -->", "&lt;!-- signers");
    }

    @Test
    void signerNamesAndTitleShowLiterallyAndInjectNoMarkup() {
        Document page = page(HtmlTestLetters.front("<b>Bold</b> & \"Quoted\"", "en", "", ""), "Body.");

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("b")).isEmpty();
        assertThat(page.title()).isEqualTo("<b>Bold</b> & \"Quoted\"");
        assertThat(page.select("li").eachText()).contains("<script>alert(1)</script>", "Rights & Justice");
        assertThat(page.selectFirst("li:contains(Justice)").html()).isEqualTo("Rights &amp; Justice");
    }

    @Test
    void rawHtmlInTheBodyIsShownAsTextAndCommentsAreDropped() {
        String body = """
                Dear Ms. Example,

                <div onclick="steal()">raw block</div>

                Inline <img src=x onerror=alert(1)> here.

                <!-- a note for the drafters -->

                <!-- signers -->

                Sincerely,""";
        Document page = page(HtmlTestLetters.front("T", "en", "", ""), body);

        assertThat(page.select("div, img, [onclick], [onerror]")).isEmpty();
        assertThat(page.text()).contains("<div onclick=\"steal()\">raw block</div>",
                "Inline <img src=x onerror=alert(1)> here.");
        assertThat(page.text()).doesNotContain("a note for the drafters", "<!--");
        // A stray start marker without its end is not a second signer section.
        assertThat(page.select("section.signers")).hasSize(1);
    }

    @Test
    void aSignerNamedLikeTheMarkerStaysASignerLine() {
        Map<String, List<String>> groups = Map.of("", List.of("<!-- /signers -->", "Example Org"));
        RenderedLetter rendered = HtmlTestLetters.rendered(dir.resolve("letter.md"),
                HtmlTestLetters.front("T", "en", "", ""), groups, "Body.");
        Document page = Jsoup.parse(HtmlDocument.render(rendered));

        assertThat(page.select("section.signers li").eachText())
                .containsExactly("<!-- /signers -->", "Example Org");
    }

    @Test
    void makesNoExternalRequests() {
        Document page = page();

        assertThat(page.select("script, link, iframe, object, embed, base")).isEmpty();
        assertThat(page.select("[src]").eachAttr("src")).allMatch(src -> src.startsWith("data:"));
        assertThat(page.select("[href]").eachAttr("href")).noneMatch(href -> href.matches("(?i)(https?:)?//.*"));
        String css = page.select("style").html();
        assertThat(css).doesNotContain("@import", "url(", "@font-face");
        assertThat(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .contains("default-src 'none'");
    }

    @Test
    void stylesheetReadsWellOnScreenAndOnPaper() {
        String css = page().select("style").html();

        assertThat(css).contains("max-width: 70ch", "system-ui", "@media print", "@page",
                "columns:", "break-inside: avoid");
    }

    @Test
    void longListsAreMarkedToFlowIntoColumns() {
        List<String> many = new ArrayList<>();
        for (int i = 1; i <= HtmlBody.LONG_LIST; i++) {
            many.add("Example Group " + i);
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("Long", many);
        groups.put("Short", List.of("Only One"));
        RenderedLetter rendered = HtmlTestLetters.rendered(dir.resolve("letter.md"),
                HtmlTestLetters.front("T", "en", "", ""), groups, "Body.");
        Document page = Jsoup.parse(HtmlDocument.render(rendered));

        assertThat(page.select("section.signers ul.long li")).hasSize(HtmlBody.LONG_LIST);
        assertThat(page.select("section.signers ul:not(.long) li").eachText()).containsExactly("Only One");
    }

    @Test
    void languageBecomesABcp47TagAndRightToLeftScriptsGetDir() {
        assertThat(page(HtmlTestLetters.front("T", "pt_BR", "", ""), "x").selectFirst("html").attr("lang"))
                .isEqualTo("pt-BR");
        assertThat(page(HtmlTestLetters.front("T", "", "", ""), "x").selectFirst("html").attr("lang"))
                .isEqualTo("en");
        Element arabic = page(HtmlTestLetters.front("T", "ar", "", ""), "x").selectFirst("html");
        assertThat(arabic.attr("lang")).isEqualTo("ar");
        assertThat(arabic.attr("dir")).isEqualTo("rtl");
        assertThat(page().selectFirst("html").hasAttr("dir")).isFalse();
    }

    @Test
    void signerLinesWrittenAgainstThePageDirectionCarryTheirOwn() {
        Element english = page();
        assertThat(english.selectFirst("li:contains(الإنسان)").attr("dir")).isEqualTo("rtl");
        assertThat(english.selectFirst("li:contains(Oakland)").hasAttr("dir")).isFalse();

        Document arabic = page(HtmlTestLetters.front("T", "ar", "", ""), "x");
        assertThat(arabic.selectFirst("li:contains(Oakland)").attr("dir")).isEqualTo("ltr");
        assertThat(arabic.selectFirst("li:contains(الإنسان)").hasAttr("dir")).isFalse();
    }

    @Test
    void withoutATitleTheFileNameIsThePageTitle() {
        assertThat(page(HtmlTestLetters.front("", "en", "", ""), "x").title()).isEqualTo("letter");
    }

    @Test
    void logoIsEmbeddedAsADataUriAtTheTop() throws Exception {
        byte[] png = HtmlTestImages.png(dir.resolve("art/logo.png"));

        Document page = page(HtmlTestLetters.front("T", "en", "", "art/logo.png"), "Body.");

        Element logo = page.selectFirst("main > img.letterhead");
        assertThat(logo).isNotNull();
        assertThat(page.selectFirst("main").child(0)).isEqualTo(logo);
        assertThat(logo.attr("alt")).isEmpty();
        assertThat(logo.attr("src")).startsWith("data:image/png;base64,");
        byte[] embedded = Base64.getDecoder().decode(logo.attr("src").substring("data:image/png;base64,".length()));
        assertThat(embedded).isEqualTo(png);
    }

    @Test
    void logoTypeFollowsTheExtension() throws Exception {
        Files.writeString(dir.resolve("logo.svg"), HtmlTestImages.SVG);
        Files.write(dir.resolve("logo.JPG"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0});
        Files.write(dir.resolve("logo.gif"), "GIF89a....".getBytes());

        assertThat(logoSrc("logo.svg")).startsWith("data:image/svg+xml;base64,");
        assertThat(logoSrc("logo.JPG")).startsWith("data:image/jpeg;base64,");
        assertThat(logoSrc("logo.gif")).startsWith("data:image/gif;base64,");
    }

    private String logoSrc(String logo) {
        return page(HtmlTestLetters.front("T", "en", "", logo), "x").selectFirst("img.letterhead").attr("src");
    }

    @Test
    void missingLogoNamesTheLetterTheLineAndThePath() {
        FrontMatter front = HtmlTestLetters.front("T", "en", "", "missing/logo.png");
        RenderedLetter rendered = letter(front, "x");

        assertThatThrownBy(() -> HtmlDocument.render(rendered))
                .isInstanceOfSatisfying(LetterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NO_INPUT);
                    assertThat(e.file()).isEqualTo(dir.resolve("letter.md"));
                    assertThat(e.line()).isEqualTo(front.lineOf("logo")).isEqualTo(5);
                    assertThat(e.describe()).contains("letter.md:5:", "logo",
                            dir.resolve("missing/logo.png").toString());
                });
    }

    @Test
    void logoOfAnUnknownTypeOrWrongContentIsADataError() throws Exception {
        Files.write(dir.resolve("logo.bmp"), new byte[] {'B', 'M'});
        Files.writeString(dir.resolve("fake.png"), "<html>not a picture</html>");

        assertThatThrownBy(() -> HtmlDocument.render(letter(HtmlTestLetters.front("T", "en", "", "logo.bmp"), "x")))
                .isInstanceOfSatisfying(LetterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DATA);
                    assertThat(e.getMessage()).contains(".png", ".svg", "logo.bmp");
                });
        assertThatThrownBy(() -> HtmlDocument.render(letter(HtmlTestLetters.front("T", "en", "", "fake.png"), "x")))
                .isInstanceOfSatisfying(LetterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DATA);
                    assertThat(e.getMessage()).contains("not a PNG image", "fake.png");
                });
    }

    @Test
    void bodyImagesNextToTheLetterAreEmbeddedAndWebImagesRefused() throws Exception {
        HtmlTestImages.png(dir.resolve("chart.png"));

        Document page = page(HtmlTestLetters.front("T", "en", "", ""), "See ![the chart](chart.png).");
        Element image = page.selectFirst("main img");
        assertThat(image.attr("src")).startsWith("data:image/png;base64,");
        assertThat(image.attr("alt")).isEqualTo("the chart");

        RenderedLetter remote = letter(HtmlTestLetters.front("T", "en", "", ""), "![x](https://example.org/x.png)");
        assertThatThrownBy(() -> HtmlDocument.render(remote))
                .isInstanceOfSatisfying(LetterException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DATA);
                    assertThat(e.getMessage()).contains("https://example.org/x.png");
                });
    }
}
