package org.signon.letter.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.signon.letter.TestSigners.group;
import static org.signon.letter.TestSigners.list;
import static org.signon.letter.TestSigners.signer;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.SignonException.Kind;
import org.signon.letter.Letter;
import org.signon.letter.LetterException;
import org.signon.letter.LetterFiles;
import org.signon.letter.LetterReader;
import org.signon.letter.Recipient;
import org.signon.letter.RenderedLetter;
import org.signon.letter.TestSigners;
import org.signon.letter.UnknownTag;
import org.signon.letter.render.MarkdownOutput;
import org.signon.signers.SignerList;

class LetterTemplateTest {

    @TempDir
    Path dir;

    @Test
    void appendsTheSignerListAfterTheBodyByDefault() {
        RenderedLetter rendered = render("""
                ---
                title: Stop hosting HART
                date: 2022-05-24
                ---

                Dear friends,

                {{signer_count}} organizations have signed.
                """, TestSigners.sample());

        assertThat(rendered.markdown()).isEqualTo("""
                # Stop hosting HART

                2022-05-24

                Dear friends,

                3 organizations have signed.

                <!-- signers -->

                ## National Organizations

                - Example Rights Project (United States)
                - Example Tenants Union (Oakland, CA)

                ## International Organizations

                - Example Privacy e.V. (Berlin)

                <!-- /signers -->
                """);
        assertThat(rendered.signerCount()).isEqualTo(3);
    }

    @Test
    void signersPartialPlacesTheListInsideTheBody() {
        String markdown = markdown("""
                ---
                ---
                We stand together:

                {{> signers}}

                Sincerely, the coalition
                """, TestSigners.sample());

        assertThat(markdown).containsOnlyOnce(RenderedLetter.SIGNERS_START);
        assertThat(markdown.indexOf("Sincerely")).isGreaterThan(markdown.indexOf(RenderedLetter.SIGNERS_END));
        assertThat(markdown.indexOf("We stand together")).isLessThan(markdown.indexOf(RenderedLetter.SIGNERS_START));
        assertThat(markdown).endsWith("Sincerely, the coalition\n");
    }

    @Test
    void iteratingGroupsReplacesTheAppendedList() {
        String markdown = markdown("""
                ---
                ---
                Signed,

                {{#groups}}
                ### {{name}} ({{count}})

                {{#signers}}
                * {{organization}}
                {{/signers}}

                {{/groups}}
                """, TestSigners.sample());

        assertThat(markdown).isEqualTo("""
                Signed,

                ### National Organizations (2)

                * Example Rights Project
                * Example Tenants Union

                ### International Organizations (1)

                * Example Privacy e.V.
                """);
    }

    @Test
    void iteratingSignersReplacesTheAppendedList() {
        String markdown = markdown("""
                ---
                ---
                {{#signers}}
                - {{line_text}} [{{category}}]
                {{/signers}}
                """, TestSigners.sample());

        assertThat(markdown).doesNotContain(RenderedLetter.SIGNERS_START).isEqualTo("""
                - Example Rights Project (United States) [National Organizations]
                - Example Tenants Union (Oakland, CA) [National Organizations]
                - Example Privacy e.V. (Berlin) [International Organizations]
                """);
    }

    @Test
    void defaultLineShowsCityAndStateOrEitherOrElseCountry() {
        SignerList signers = list(group("",
                signer("Both", "Oakland", "CA", "United States", ""),
                signer("City Only", "Berlin", "", "Germany", ""),
                signer("State Only", "", "NY", "United States", ""),
                signer("Country Only", "", "", "Kenya", ""),
                signer("Nowhere", "", "", "", "")));

        String markdown = markdown("---\n---\nSigned:\n", signers);

        assertThat(markdown).contains("""
                - Both (Oakland, CA)
                - City Only (Berlin)
                - State Only (NY)
                - Country Only (Kenya)
                - Nowhere
                """);
        assertThat(markdown).doesNotContain("## ");
    }

    @Test
    void signerLineOverridesTheDefaultAndSeesCsvColumns() {
        String markdown = markdown("""
                ---
                signer_line: "**{{organization}}**, {{Type of organization}}"
                ---
                Signed:
                """, list(group("", signer("R*Street Watch", "Austin", "TX", "", "National"))));

        assertThat(markdown).contains("- **R\\*Street Watch**, National\n");
        assertThat(MarkdownOutput.render(markdown)).endsWith("- **R\\*Street Watch**, National\n");
    }

    @Test
    void signerLineIsStrictAndReportsItsFrontMatterLine() {
        Letter letter = LetterReader.read(LetterFiles.write(dir, """
                ---
                title: T
                signer_line: "{{organisation}} ({{city}})"
                ---
                Body
                """));
        LetterTemplate template = LetterTemplate.compile(letter);

        LetterException e = catchThrowableOfType(LetterException.class,
                () -> template.render(TestSigners.sample(), Optional.empty()));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("{{organisation}}");
        assertThat(template.unknownTags(TestSigners.sample())).containsExactly(new UnknownTag("{{organisation}}", 3));
    }

    @Test
    void signersPrivateColumnsStayOutUnlessAsked() {
        String markdown = markdown("---\n---\nSigned:\n", TestSigners.sample());

        assertThat(markdown).doesNotContain("@example.org", "Contact Person", "Private comment", "Yes");
    }

    @Test
    void recipientFieldsAreAvailableWhenRenderingForAContact() {
        Letter letter = read("""
                ---
                ---
                Dear {{recipient.name}} ({{recipient.title}}),
                """);
        Recipient recipient = new Recipient(Map.of("name", "Ana Example", "email", "ana@example.com",
                "title", "General Counsel"), 2);

        String markdown = LetterTemplate.compile(letter).render(TestSigners.sample(), Optional.of(recipient)).markdown();

        assertThat(markdown).startsWith("Dear Ana Example (General Counsel),\n");
    }

    @Test
    void recipientTagsFailARenderWithoutAContactButPassACheck() {
        Letter letter = read("""
                ---
                ---
                Dear {{recipient.name}},
                """);
        LetterTemplate template = LetterTemplate.compile(letter);

        LetterException e = catchThrowableOfType(LetterException.class,
                () -> template.render(TestSigners.sample(), Optional.empty()));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("{{recipient.name}}", "rendered for a contact");
        assertThat(template.unknownTags(TestSigners.sample())).isEmpty();
    }

    @Test
    void recipientColumnThatDoesNotExistFails() {
        LetterTemplate template = LetterTemplate.compile(read("---\n---\nDear {{recipient.nickname}},\n"));
        Recipient recipient = new Recipient(Map.of("name", "Ana Example", "email", "ana@example.com"), 2);

        LetterException e = catchThrowableOfType(LetterException.class,
                () -> template.render(TestSigners.sample(), Optional.of(recipient)));

        assertThat(e.getMessage()).contains("{{recipient.nickname}}", "no such column");
    }

    @Test
    void unknownVariableFailsWithTheLetterFileLine() {
        Letter letter = read("""
                ---
                title: T
                campaign: HART
                ---
                Dear friends,

                About {{campaing}}.
                """);

        LetterException e = catchThrowableOfType(LetterException.class,
                () -> LetterTemplate.compile(letter).render(TestSigners.sample(), Optional.empty()));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.file()).isEqualTo(letter.file());
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).isEqualTo("unknown tag '{{campaing}}'");
    }

    @Test
    void unknownSectionFailsToo() {
        Letter letter = read("""
                ---
                ---
                Hello
                {{#grups}}
                {{name}}
                {{/grups}}
                """);

        LetterException e = catchThrowableOfType(LetterException.class,
                () -> LetterTemplate.compile(letter).render(TestSigners.sample(), Optional.empty()));

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("{{#grups}}");
    }

    @Test
    void unknownTagsListsEveryUnknownTagInLineOrder() {
        Letter letter = read("""
                ---
                demands: []
                ---
                {{#groups}}
                ## {{nam}}
                {{#signers}}
                - {{organization}} {{webiste}}
                {{/signers}}
                {{/groups}}
                {{^nobody}}Nobody yet.{{/nobody}}
                {{#demands}}{{text}}{{/demands}}
                {{{raw_thing}}} {{& other}}
                """);

        LetterTemplate template = LetterTemplate.compile(letter);

        assertThat(template.unknownTags(TestSigners.sample())).containsExactly(
                new UnknownTag("{{nam}}", 5),
                new UnknownTag("{{webiste}}", 7),
                new UnknownTag("{{^nobody}}", 10),
                new UnknownTag("{{{raw_thing}}}", 12),
                new UnknownTag("{{{other}}}", 12));
        assertThat(template.unknownTags(list())).hasSize(5);
    }

    @Test
    void tagsInsideSkippedSectionsAreStillChecked() {
        Letter letter = read("""
                ---
                urgent: false
                ---
                {{#urgent}}Please answer by {{dedline}}.{{/urgent}}
                {{^signers}}No one has signed {{yet}}.{{/signers}}
                """);

        assertThat(LetterTemplate.compile(letter).unknownTags(TestSigners.sample())).containsExactly(
                new UnknownTag("{{dedline}}", 4),
                new UnknownTag("{{yet}}", 5));
    }

    @Test
    void keysWithEmptyOrFalseValuesAreKnown() {
        String markdown = markdown("""
                ---
                note: ""
                urgent: false
                items: []
                contact:
                  phone:
                ---
                A{{note}}B{{#urgent}}URGENT{{/urgent}}{{^items}}none{{/items}}{{contact.phone}}.
                """, list());

        assertThat(markdown).startsWith("ABnone.\n");
    }

    @Test
    void frontMatterDataFillsTheBody() {
        String markdown = markdown("""
                ---
                title: T
                subject: S
                lang: en
                campaign: HART
                demands:
                  - End the contract
                  - Publish the terms
                contact:
                  name: Example Person
                ---
                {{title}} / {{subject}} / {{lang}} / {{campaign}} / {{contact.name}}

                {{#demands}}
                - {{.}}
                {{/demands}}
                """, TestSigners.sample());

        assertThat(markdown).contains("""
                T / S / en / HART / Example Person

                - End the contract
                - Publish the terms
                """);
    }

    @Test
    void tripleMustacheInsertsRawMarkdown() {
        String markdown = markdown("""
                ---
                emphasis: "**now**"
                ---
                Act {{{emphasis}}}, {{& emphasis}}, not {{emphasis}}.
                """, list());

        assertThat(markdown).startsWith("Act **now**, **now**, not \\*\\*now\\*\\*.\n");
    }

    @Test
    void templateSyntaxErrorsNameTheLetterFileLine() {
        assertSyntaxError("---\ntitle: T\n---\nHello\n\n{{#groups}}\n{{name}}\n", 6, "never closed");
        assertSyntaxError("---\n---\n{{#groups}}\n{{name}}\n{{/group}}\n", 5, "closed by '{{/group}}'");
        assertSyntaxError("---\n---\nHello\n{{/groups}}\n", 4, "never opened");
        assertSyntaxError("---\n---\nHello {{name\n", 3, "not closed");
        assertSyntaxError("---\n---\n\n\n{{> footer}}\n", 5, "unknown partial '{{> footer}}'");
        assertSyntaxError("---\n---\n{{%IMPLICIT-ITERATOR}}\n", 3, "not supported");
    }

    @Test
    void signerLineSyntaxErrorNamesItsKey() {
        Letter letter = read("---\ntitle: T\nsigner_line: \"{{#organization}}\"\n---\nBody\n");

        LetterException e = catchThrowableOfType(LetterException.class, () -> LetterTemplate.compile(letter));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("signer_line");
    }

    @Test
    void signerListPartialIsNotAllowedInsideSignerLine() {
        Letter letter = read("---\nsigner_line: \"{{> signers}}\"\n---\nBody\n");

        LetterException e = catchThrowableOfType(LetterException.class, () -> LetterTemplate.compile(letter));

        assertThat(e.getMessage()).contains("unknown partial");
    }

    @Test
    void emptySignerListStillRendersItsMarkers() {
        String markdown = markdown("---\n---\nNo one yet: {{signer_count}}.\n", list());

        assertThat(markdown).isEqualTo("No one yet: 0.\n\n<!-- signers -->\n\n<!-- /signers -->\n");
        assertThat(MarkdownOutput.render(markdown)).isEqualTo("No one yet: 0.\n");
    }

    private void assertSyntaxError(String text, int line, String message) {
        Letter letter = read(text);

        LetterException e = catchThrowableOfType(LetterException.class, () -> LetterTemplate.compile(letter));

        assertThat(e).as(text).isNotNull();
        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.file()).isEqualTo(letter.file());
        assertThat(e.line()).as(text).isEqualTo(line);
        assertThat(e.getMessage()).as(text).contains(message);
    }

    private Letter read(String text) {
        return LetterReader.read(LetterFiles.write(dir, text));
    }

    private RenderedLetter render(String text, SignerList signers) {
        return LetterTemplate.compile(read(text)).render(signers, Optional.empty());
    }

    private String markdown(String text, SignerList signers) {
        return render(text, signers).markdown();
    }
}
