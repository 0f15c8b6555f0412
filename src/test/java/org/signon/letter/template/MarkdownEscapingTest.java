package org.signon.letter.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signon.letter.TestSigners.group;
import static org.signon.letter.TestSigners.list;
import static org.signon.letter.TestSigners.signer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.letter.Format;
import org.signon.letter.Letter;
import org.signon.letter.LetterFiles;
import org.signon.letter.LetterReader;
import org.signon.letter.RenderedLetter;
import org.signon.letter.render.LetterRenderer;
import org.signon.signers.Signer;
import org.signon.signers.SignerGroup;

class MarkdownEscapingTest {

    private static final List<String> TRICKY_NAMES = List.of(
            "R*Street Watch",
            "Fair_Data_Alliance",
            "<script>alert(1)</script>",
            "Rights & Justice",
            "[link](x)",
            "#1 Org",
            "1. Org",
            "2) Org",
            "*Star* Org",
            "**Bold** Org",
            "`code` Org",
            "Back\\slash Org",
            "- Dash Org",
            "+ Plus Org",
            "> Quote Org",
            "=== Org",
            "~~~ Tilde Org",
            "&amp; Entity Org",
            "![img](x.png) Org",
            "<https://example.org> Org");

    @TempDir
    Path dir;

    @Test
    void trickySignerNamesPrintLiterallyInText() {
        String text = text(letterWithSigners());

        for (String name : TRICKY_NAMES) {
            assertThat(text).as(name).contains("- " + name + "\n");
        }
    }

    @Test
    void trickySignerNamesStayLiteralInHtml() {
        String html = html(letterWithSigners().markdown());

        for (String name : TRICKY_NAMES) {
            assertThat(html).as(name).contains("<li>" + htmlEscaped(name) + "</li>");
        }
        assertThat(html).doesNotContain("<script", "<em>", "<strong>", "<a ", "<img", "<code>", "<h1>", "<ol",
                "<blockquote>", "<pre>", "<hr");
        assertThat(html).containsOnlyOnce("<ul>");
    }

    @Test
    void valuesAtTheStartOfALineCannotStartABlock() {
        RenderedLetter letter = LetterTemplate.compile(LetterReader.read(LetterFiles.write(dir, """
                ---
                heading: "# Not a heading"
                numbered: "1. Not a list"
                quoted: "> Not a quote"
                multiline: "first line\\n- not a list\\n## not a heading"
                ---
                {{heading}}

                {{numbered}}

                {{quoted}}

                {{multiline}}
                """))).render(list(), Optional.empty());

        String html = html(letter.markdown());
        assertThat(html).doesNotContain("<h1>", "<h2>", "<ol", "<ul>", "<blockquote>");
        assertThat(html).contains("<p># Not a heading</p>", "<p>1. Not a list</p>", "<p>&gt; Not a quote</p>");
        assertThat(text(letter)).contains("# Not a heading\n\n1. Not a list\n\n> Not a quote\n\n"
                + "first line - not a list ## not a heading\n");
    }

    @Test
    void ordinaryTextStaysReadable() {
        String plain = "O'Brien Center for Peace, Inc. (Washington, D.C.) 2022: \"yes\"; 100% \u00e9t\u00e9 \u4e2d\u6587";

        assertThat(MarkdownEscaper.escape(plain)).isEqualTo(plain);
    }

    @Test
    void escapesOnlyWhatCanStartMarkup() {
        assertThat(MarkdownEscaper.escape("R*Street_Watch")).isEqualTo("R\\*Street\\_Watch");
        assertThat(MarkdownEscaper.escape("Rights & Justice")).isEqualTo("Rights \\& Justice");
        assertThat(MarkdownEscaper.escape("#1 Org")).isEqualTo("\\#1 Org");
        assertThat(MarkdownEscaper.escape("Org #1")).isEqualTo("Org #1");
        assertThat(MarkdownEscaper.escape("1. Org")).isEqualTo("1\\. Org");
        assertThat(MarkdownEscaper.escape("1.5 Degrees")).isEqualTo("1.5 Degrees");
        assertThat(MarkdownEscaper.escape("- Org")).isEqualTo("\\- Org");
        assertThat(MarkdownEscaper.escape("Left-Right")).isEqualTo("Left-Right");
        assertThat(MarkdownEscaper.escape("a\\b")).isEqualTo("a\\\\b");
        assertThat(MarkdownEscaper.escape("line\r\n> quote")).isEqualTo("line\n\\> quote");
    }

    private RenderedLetter letterWithSigners() {
        Signer[] signers = TRICKY_NAMES.stream()
                .map(name -> signer(name, "", "", "", ""))
                .toArray(Signer[]::new);
        SignerGroup all = group("", signers);
        Letter letter = LetterReader.read(LetterFiles.write(dir, "---\n---\nSigned:\n"));
        return LetterTemplate.compile(letter).render(list(all), Optional.empty());
    }

    private static String text(RenderedLetter letter) {
        return new String(LetterRenderer.render(letter, Format.TEXT), StandardCharsets.UTF_8);
    }

    private static String html(String markdown) {
        return HtmlRenderer.builder().build().render(Parser.builder().build().parse(markdown));
    }

    private static String htmlEscaped(String text) {
        return Arrays.stream(text.split("")).map(c -> switch (c) {
            case "<" -> "&lt;";
            case ">" -> "&gt;";
            case "&" -> "&amp;";
            case "\"" -> "&quot;";
            default -> c;
        }).reduce("", String::concat);
    }
}
