package org.signon.letter.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.letter.RenderedLetter;

/** The fast signer-section path must say exactly what commonmark says, or step aside. */
class HtmlSignerLinesTest {

    @TempDir
    Path dir;

    private static final List<String> NAMES = List.of("Rights & Justice", "<script>alert(1)</script>",
            "O'Brien \"Quoted\" Alliance", "Société Générale", "منظمة حقوق الإنسان (القاهرة)",
            "Ελληνική Ένωση", "Правозащитный центр «Пример»", "C# Developers for Rights", "1st Amendment Coalition",
            "2. Second Street Tenants", "- Dash Collective", "# Hash Org", "> Quote Org", "*Star* Org", "_Under_ Org",
            "[Link](https://example.org) Org", "`Code` Org", "Back\\slash Org", "Trailing Space Org   ",
            "Beispiel e.V.", "100% Example", "Double  Space", "~Tilde~", "{Braces} | Pipe", "=Equals", "+Plus",
            "Example &amp; Entity", "Example Tenants Union (Oakland, CA)", "Council (CAIR-NY)", "Ampersand&Co",
            "Question? Exclamation!", "![not an image](x.png)", "Trailing backslash\\");

    private String both(Map<String, List<String>> groups, UnaryOperator<String> escape, String lang) {
        String markdown = markdown(groups, escape);
        RenderedLetter rendered = new RenderedLetter(
                HtmlTestLetters.letter(dir.resolve("letter.md"), HtmlTestLetters.front("T", lang, "", "")), markdown, 0);
        HtmlDirection direction = HtmlDirection.ofLanguage(lang);
        String fast = HtmlBody.render(rendered, direction, true);
        String commonmark = HtmlBody.render(rendered, direction, false);
        assertThat(fast).isEqualTo(commonmark);
        return markdown;
    }

    private static String markdown(Map<String, List<String>> groups, UnaryOperator<String> escape) {
        StringBuilder md = new StringBuilder("# Title\n\nDear Ms. Example,\n\n" + RenderedLetter.SIGNERS_START + "\n\n");
        groups.forEach((group, names) -> {
            md.append("## ").append(escape.apply(group)).append("\n\n");
            names.forEach(name -> md.append("- ").append(escape.apply(name)).append('\n'));
            md.append('\n');
        });
        return md.append(RenderedLetter.SIGNERS_END).append("\n\nSent on behalf of the coalition.\n").toString();
    }

    private static Map<String, List<String>> groups(List<String> names) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("National Organizations", names);
        groups.put("State & Local <Organizations>", names.subList(0, 3));
        groups.put("المنظمات الدولية", names.subList(3, 5));
        return groups;
    }

    @Test
    void templateEscapedNamesTakeTheFastPathAndMatchCommonmark() {
        for (String lang : List.of("en", "ar")) {
            String markdown = both(groups(NAMES), HtmlTestLetters::escape, lang);
            assertThat(HtmlSignerLines.split(markdown, HtmlDirection.ofLanguage(lang), BatchMemo.none())).as(lang)
                .isPresent();
        }
    }

    @Test
    void anyOtherMarkdownMatchesCommonmarkEitherWay() throws Exception {
        HtmlTestImages.png(dir.resolve("x.png")); // "![not an image](x.png)" unescaped is one.
        // Unescaped names: the fast path must refuse every line it cannot render exactly.
        both(groups(NAMES), UnaryOperator.identity(), "en");
        // Half-escaped names, as a less careful template might write them.
        both(groups(NAMES), name -> name.replace("*", "\\*").replace("_", "\\_").replace("<", "\\<"), "en");
        // Each name alone, so that one refused line does not hide another's mismatch.
        for (String name : NAMES) {
            both(Map.of("G", List.of(name, "Example Org")), UnaryOperator.identity(), "en");
        }
    }

    @Test
    void headingsEndingInHashesMatchCommonmark() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("Example Group #", List.of("Example Org"));
        groups.put("Coalition ## ", List.of("Other Example Org"));
        groups.put("Group #1", List.of("Third Example Org"));
        both(groups, HtmlTestLetters::escape, "en");
    }

    @Test
    void namesWithHashBangAndGreaterThanStayOnTheFastPath() {
        String markdown = both(Map.of("G", List.of("C# Developers", "Yes! Example", "A > B Example")),
                HtmlTestLetters::escape, "en");
        assertThat(HtmlSignerLines.split(markdown, HtmlDirection.LTR, BatchMemo.none())).isPresent();
    }

    @Test
    void controlCharactersAndOddBlankLinesAreLeftToCommonmark() {
        both(Map.of("G", List.of("Nul\u0000 Org", "Example Org")), HtmlTestLetters::escape, "en");
        String emSpaceLine = "# T\n\n" + RenderedLetter.SIGNERS_START + "\n\n- One\n\u2003\n- Two\n\n"
                + RenderedLetter.SIGNERS_END + "\n";
        assertThat(HtmlSignerLines.split(emSpaceLine, HtmlDirection.LTR, BatchMemo.none())).isEmpty();
        String carriageReturn = "# T\n\n" + RenderedLetter.SIGNERS_START + "\n\n- One\r\n- Two\n\n"
                + RenderedLetter.SIGNERS_END + "\n";
        assertThat(HtmlSignerLines.split(carriageReturn, HtmlDirection.LTR, BatchMemo.none())).isEmpty();
        assertThat(SignerSectionParserTest.fastTree(carriageReturn)).isEmpty();
    }

    @Test
    void listsLongAndShortAndLooseMatchCommonmark() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add("Example Group " + i);
        }
        both(Map.of("Long", many), HtmlTestLetters::escape, "en");
        both(Map.of("Short", many.subList(0, HtmlBody.LONG_LIST - 1)), HtmlTestLetters::escape, "en");
        both(Map.of("Just long", many.subList(0, HtmlBody.LONG_LIST)), HtmlTestLetters::escape, "en");
        Map<String, List<String>> longThenShort = new LinkedHashMap<>();
        longThenShort.put("Long", many);
        longThenShort.put("Short", many.subList(0, 2));
        longThenShort.put("Long again", many.subList(0, HtmlBody.LONG_LIST + 1));
        assertThat(HtmlSignerLines.split(both(longThenShort, HtmlTestLetters::escape, "en"), HtmlDirection.LTR,
                BatchMemo.none()))
                .isPresent();

        String loose = "# T\n\n" + RenderedLetter.SIGNERS_START + "\n\n- One\n\n- Two\n\n" + RenderedLetter.SIGNERS_END + "\n";
        assertThat(HtmlSignerLines.split(loose, HtmlDirection.LTR, BatchMemo.none())).isEmpty();
        String bold = "# T\n\n" + RenderedLetter.SIGNERS_START + "\n\n- **One**\n\n" + RenderedLetter.SIGNERS_END + "\n";
        assertThat(HtmlSignerLines.split(bold, HtmlDirection.LTR, BatchMemo.none())).isEmpty();
    }
}
