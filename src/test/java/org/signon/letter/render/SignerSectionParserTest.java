package org.signon.letter.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signon.letter.TestSigners.group;
import static org.signon.letter.TestSigners.list;
import static org.signon.letter.TestSigners.signer;

import java.nio.file.Path;
import java.util.Optional;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.letter.Letter;
import org.signon.letter.LetterFiles;
import org.signon.letter.LetterReader;
import org.signon.letter.RenderedLetter;
import org.signon.letter.template.LetterTemplate;
import org.signon.signers.SignerList;

/** The signer section built without the block parser must render exactly like the parsed one. */
class SignerSectionParserTest {

    private static final String LONG_NAME = "The Extraordinarily Long-Named Regional Alliance of Community "
            + "Organizations for Digital Rights and Privacy";

    @TempDir
    Path dir;

    private SignerList trickyNames() {
        return list(
                group("National & <Regional> #1 Groups",
                        signer("R*Street Watch", "Austin", "TX", "", "National"),
                        signer("Fair_Data_Alliance", "", "", "Kenya", "National"),
                        signer("<script>alert(1)</script>", "", "", "", "National"),
                        signer("#1 Org", "", "", "", "National"),
                        signer("1. First Org", "", "", "", "National"),
                        signer("350.org", "", "", "", "National"),
                        signer("- Dash Org", "", "", "", "National"),
                        signer("C:\\Users Backslash Org", "", "", "", "National"),
                        signer("Trailing Backslash \\", "", "", "", "National"),
                        signer("[Bracketed] `Code` Org & Co", "", "", "", "National"),
                        signer(LONG_NAME, "Springfield", "IL", "", "National")),
                group("International",
                        signer("Müller & Söhne e.V.", "Berlin", "", "Germany", "International")));
    }

    @Test
    void trickyNamesRenderExactlyAsTheParserWouldHaveThem() {
        String markdown = markdown("---\ntitle: T\n---\nSigned:\n", trickyNames());

        assertThat(fastTree(markdown)).isPresent();
        assertSameTextAsFullParse(markdown);
        String text = PlainTextRenderer.render(markdown);
        assertThat(text).contains("""
                National & <Regional> #1 Groups
                -------------------------------

                - R*Street Watch (Austin, TX)
                - Fair_Data_Alliance (Kenya)
                - <script>alert(1)</script>
                - #1 Org
                - 1. First Org
                - 350.org
                - - Dash Org
                - C:\\Users Backslash Org
                - Trailing Backslash \\
                - [Bracketed] `Code` Org & Co
                - The Extraordinarily Long-Named Regional Alliance of Community
                  Organizations for Digital Rights and Privacy (Springfield, IL)

                International
                -------------

                - Müller & Söhne e.V. (Berlin)
                """);
    }

    @Test
    void signerLineMarkupIsParsedPerLine() {
        String markdown = markdown("""
                ---
                signer_line: "**{{organization}}**, _{{Type of organization}}_ [site](https://example.org) <b>x</b>"
                ---
                Signed:
                """, trickyNames());

        assertThat(fastTree(markdown)).isPresent();
        assertSameTextAsFullParse(markdown);
        assertThat(PlainTextRenderer.render(markdown))
                .contains("- R*Street Watch, National site (https://example.org) x\n");
    }

    @Test
    void ungroupedAndEmptyListsToo() {
        assertSameTextAsFullParse(markdown("---\n---\nBody\n", list(group("", signer("Solo Org", "", "", "", "")))));
        assertSameTextAsFullParse(markdown("---\n---\nBody\n", list()));
    }

    @Test
    void placedInsideAQuoteTheWholeTextIsParsed() {
        String markdown = markdown("---\n---\nBody\n\n> {{> signers}}\n", trickyNames());

        assertThat(fastTree(markdown)).isEmpty();
        assertSameTextAsFullParse(markdown);
    }

    @Test
    void linesThatAreNotOneParagraphAreLeftToTheParser() {
        // "- ---" is a thematic break, which would split the list in two.
        assertFallsBack(section("- Org\n- ---\n- Other\n"));
        assertFallsBack(section("- > quoted\n"));
        assertFallsBack(section("- Org\n\n- Loose\n"));
        assertFallsBack(section("Not a bullet\n"));
    }

    @Test
    void linkReferencesAnywhereAreLeftToTheParser() {
        String uses = "[site]: https://example.org\n\n" + section("- [site] Org\n");
        String defines = "See [site].\n\n" + section("- [site]: https://example.org\n");

        assertFallsBack(uses);
        assertFallsBack(defines);
    }

    @Test
    void markersThatAreNotAloneAtTheTopLevelAreLeftToTheParser() {
        assertFallsBack("<!-- open comment\n" + section("- Org\n") + "-->\n");
        assertFallsBack(section("- Org\n") + "\n" + RenderedLetter.SIGNERS_START + "\n");
        assertFallsBack("```\n" + section("- Org\n"));
    }

    private static String section(String body) {
        return RenderedLetter.SIGNERS_START + "\n\n" + body + "\n" + RenderedLetter.SIGNERS_END + "\n";
    }

    private static void assertFallsBack(String markdown) {
        assertThat(fastTree(markdown)).as(markdown).isEmpty();
        assertSameTextAsFullParse(markdown);
    }

    private static void assertSameTextAsFullParse(String markdown) {
        String parsed = PlainTextRenderer.render(Parser.builder().build().parse(markdown));
        assertThat(PlainTextRenderer.render(markdown)).isEqualTo(parsed);
        fastTree(markdown)
                .ifPresent(tree -> assertThat(PlainTextRenderer.render(tree)).isEqualTo(parsed));
    }

    /**
     * The tree the fast path builds: the letter without its section, parsed, with the section's
     * blocks put back after the marker; empty when the fast path steps aside.
     */
    static Optional<Node> fastTree(String markdown) {
        return SignerSectionParser.split(markdown).flatMap(split -> split.sectionBlocks().map(blocks -> {
            Node previous = split.anchor();
            for (Node block : blocks) {
                previous.insertAfter(block);
                previous = block;
            }
            return split.document();
        }));
    }

    private String markdown(String letter, SignerList signers) {
        Letter read = LetterReader.read(LetterFiles.write(dir, letter));
        return LetterTemplate.compile(read).render(signers, Optional.empty()).markdown();
    }
}
