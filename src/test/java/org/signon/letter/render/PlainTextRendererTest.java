package org.signon.letter.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.signon.letter.Letter;

class PlainTextRendererTest {

    @Test
    void wrapsParagraphsAtSeventyTwoColumns() {
        String text = PlainTextRenderer.render("""
                We, the undersigned human-rights, immigrant-rights and digital-rights organizations, write to \
                express our urgent concern about the hosting of a government biometric database.

                Second paragraph.
                """);

        assertThat(text).isEqualTo("""
                We, the undersigned human-rights, immigrant-rights and digital-rights
                organizations, write to express our urgent concern about the hosting of
                a government biometric database.

                Second paragraph.
                """);
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(72));
    }

    @Test
    void underlinesHeadings() {
        assertThat(PlainTextRenderer.render("# Letter to Example Cloud\n\n## National Organizations\n\n### Small\n"))
                .isEqualTo("""
                        Letter to Example Cloud
                        =======================

                        National Organizations
                        ----------------------

                        Small
                        -----
                        """);
    }

    @Test
    void bulletListsGetHangingIndents() {
        String text = PlainTextRenderer.render("""
                - End the agreement to host the database, and publish every contract and annex that governs it.
                - Meet us.
                  - A nested point that is long enough that it has to wrap onto a second line of text.
                """);

        assertThat(text).isEqualTo("""
                - End the agreement to host the database, and publish every contract and
                  annex that governs it.
                - Meet us.
                  - A nested point that is long enough that it has to wrap onto a second
                    line of text.
                """);
    }

    @Test
    void orderedListsKeepTheirNumbers() {
        String text = PlainTextRenderer.render("""
                3. Third, a demand long enough to wrap around onto the next line of the letter text.
                4. Fourth.

                10) Tenth, in a new list.
                """);

        assertThat(text).isEqualTo("""
                3. Third, a demand long enough to wrap around onto the next line of the
                   letter text.
                4. Fourth.

                10. Tenth, in a new list.
                """);
    }

    @Test
    void looseListsKeepBlankLinesBetweenItems() {
        assertThat(PlainTextRenderer.render("- one\n\n- two\n")).isEqualTo("- one\n\n- two\n");
    }

    @Test
    void linksShowTheirAddressUnlessItIsTheText() {
        String text = PlainTextRenderer.render("""
                Read [our report](https://example.org/report), <https://example.org/a> or \
                <coalition@example.org>. ![Logo](logo.png)
                """);

        assertThat(text).isEqualTo("Read our report (https://example.org/report), https://example.org/a or\n"
                + "coalition@example.org. Logo\n");
    }

    @Test
    void emphasisBecomesPlainWordsAndInlineCodeStaysAsIs() {
        assertThat(PlainTextRenderer.render("An *urgent* and **serious** matter: `signon check`.\n"))
                .isEqualTo("An urgent and serious matter: signon check.\n");
    }

    @Test
    void blockQuotesArePrefixed() {
        String text = PlainTextRenderer.render("""
                > The database will include data on children, adults, immigrants and citizens alike.
                >
                > Second quoted paragraph.
                """);

        assertThat(text).isEqualTo("""
                > The database will include data on children, adults, immigrants and
                > citizens alike.
                >
                > Second quoted paragraph.
                """);
    }

    @Test
    void codeBlocksAreIndentedAndNeverWrapped() {
        String longLine = "signon render letters/hart-aws.md --format text --output build/hart-aws.txt --verbose";
        String text = PlainTextRenderer.render("Run:\n\n```\n" + longLine + "\n\nsecond\n```\n\n    indented\n");

        assertThat(text).isEqualTo("Run:\n\n    " + longLine + "\n\n    second\n\n    indented\n");
    }

    @Test
    void hardBreaksBreakAndSoftBreaksJoin() {
        assertThat(PlainTextRenderer.render("Sincerely,\\\nThe Coalition\nand friends\n"))
                .isEqualTo("Sincerely,\nThe Coalition and friends\n");
    }

    @Test
    void thematicBreakIsALineOfDashes() {
        assertThat(PlainTextRenderer.render("Above\n\n---\n\nBelow\n"))
                .isEqualTo("Above\n\n" + "-".repeat(72) + "\n\nBelow\n");
    }

    @Test
    void htmlIsDroppedWithoutLeavingGaps() {
        String text = PlainTextRenderer.render("Intro\n\n<!-- signers -->\n\n- A\n\n<!-- /signers -->\n\nEnd <b>now</b>\n");

        assertThat(text).isEqualTo("Intro\n\n- A\n\nEnd now\n");
    }

    @Test
    void longWordsAreNotBroken() {
        String word = "https://example.org/" + "a".repeat(80);

        assertThat(PlainTextRenderer.render("See " + word + " today\n")).isEqualTo("See\n" + word + "\ntoday\n");
    }

    @Test
    void endsWithExactlyOneNewlineAndNoTrailingSpaces() {
        String text = PlainTextRenderer.render("Line with trailing spaces   \nnext   \n\n\n\n");

        assertThat(text).endsWith("next\n").doesNotEndWith("\n\n");
        assertThat(text.lines()).noneMatch(line -> line.endsWith(" "));
    }

    @Test
    void countsCharactersNotBytesWhenWrapping() {
        String words = "\u00e9t\u00e9 ".repeat(30).strip();

        assertThat(PlainTextRenderer.render(words + "\n").lines()).allSatisfy(line ->
                assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(72));
        assertThat(PlainTextRenderer.render(words + "\n").lines().findFirst().orElseThrow()).hasSize(71);
    }
}
