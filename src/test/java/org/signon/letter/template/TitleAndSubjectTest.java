package org.signon.letter.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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

/** The front matter {@code title} and {@code subject} as plain-text Mustache templates. */
class TitleAndSubjectTest {

    @TempDir
    Path dir;

    private static final Recipient ANA = new Recipient(
            Map.of("name", "Ana Example", "email", "ana@example.com", "org", "Example & Co <Cloud>"), 4);

    @Test
    void theCountGoesIntoTheTitleHeadingAndTheSubject() {
        LetterTemplate.Signed signed = signed("""
                ---
                title: "{{signer_count}} organizations: letter to {{company}}"
                subject: "{{signer_count}} organizations ask {{company}} to stop"
                company: Example_Cloud *Inc.*
                ---
                Body.
                """);

        RenderedLetter rendered = signed.render(Optional.empty());

        assertThat(signed.title()).isEqualTo("3 organizations: letter to Example_Cloud *Inc.*");
        assertThat(rendered.title()).isEqualTo(signed.title());
        assertThat(rendered.titleOrName()).isEqualTo(signed.title());
        assertThat(rendered.markdown()).startsWith("# 3 organizations: letter to Example\\_Cloud \\*Inc.\\*\n\n");
        assertThat(signed.subject(Optional.empty())).as("a header: nothing escaped")
                .isEqualTo("3 organizations ask Example_Cloud *Inc.* to stop");
    }

    @Test
    void aTitleOrDateWrittenOverSeveralLinesIsOneHeadingLine() {
        LetterTemplate.Signed signed = signed("""
                ---
                title: |
                  Letter to Example Cloud
                  from {{signer_count}} organizations
                date: |
                  May 24,
                  2022
                ---
                Body.
                """);

        RenderedLetter rendered = signed.render(Optional.empty());

        assertThat(rendered.markdown()).startsWith("# Letter to Example Cloud from 3 organizations\n\nMay 24, 2022\n\nBody.\n");
        assertThat(signed.subject(Optional.empty())).isEqualTo("Letter to Example Cloud from 3 organizations");
    }

    @Test
    void withoutASubjectKeyTheSubjectIsTheFilledInTitle() {
        LetterTemplate.Signed signed = signed("""
                ---
                title: "{{signer_count}} organizations have signed"
                ---
                Body.
                """);

        assertThat(signed.subject(Optional.empty())).isEqualTo("3 organizations have signed");
        assertThat(signed.subject(Optional.of(ANA))).isEqualTo("3 organizations have signed");
    }

    @Test
    void aTitleAndSubjectWithoutTagsAreKeptByteForByte() {
        String title = "  Brief: «Schluss» \\ mit *Überwachung* & <HART> 100% ";
        LetterTemplate.Signed signed = signed("---\ntitle: \"" + title.replace("\\", "\\\\") + "\"\nsubject: '"
                + title + "'\n---\n{{title}}|{{subject}}\n");

        assertThat(signed.title()).isEqualTo(title);
        assertThat(signed.subject(Optional.empty())).isEqualTo(title);
        assertThat(signed.render(Optional.empty()).markdown())
                .startsWith("# " + MarkdownEscaper.escape(title.strip()) + "\n\n")
                .contains(MarkdownEscaper.escape(title) + "|" + MarkdownEscaper.escape(title).stripTrailing() + "\n");
    }

    @Test
    void theSubjectIsPersonalizedForEachContact() {
        LetterTemplate.Signed signed = signed("""
                ---
                title: Letter
                subject: "{{#recipient}}{{recipient.name}} at {{recipient.org}}: {{/recipient}}{{signer_count}} organizations ask you to stop"
                ---
                Subject was: {{subject}}
                """);

        assertThat(signed.subject(Optional.of(ANA)))
                .isEqualTo("Ana Example at Example & Co <Cloud>: 3 organizations ask you to stop");
        assertThat(signed.subject(Optional.empty())).as("the section is left out without a contact")
                .isEqualTo("3 organizations ask you to stop");
        assertThat(signed.render(Optional.of(ANA)).markdown()).as("the body's {{subject}} is this message's")
                .contains("Subject was: Ana Example at Example \\& Co \\<Cloud>: 3 organizations ask you to stop");
    }

    @Test
    void theSubjectSeesTheFilledInTitleAndTheBodySeesBoth() {
        LetterTemplate.Signed signed = signed("""
                ---
                title: "{{signer_count}} sign"
                subject: "Open letter: {{title}}"
                ---
                {{title}} / {{subject}}
                """);

        assertThat(signed.subject(Optional.empty())).isEqualTo("Open letter: 3 sign");
        assertThat(signed.render(Optional.empty()).markdown()).contains("3 sign / Open letter: 3 sign");
    }

    @Test
    void anUnknownTagInTheSubjectNamesItsLine() {
        Letter letter = read("""
                ---
                title: Letter
                subject: "{{signer_cont}} organizations ask you to stop"
                ---
                Body.
                """);
        LetterTemplate template = LetterTemplate.compile(letter);

        assertThat(template.unknownTags(TestSigners.sample())).containsExactly(new UnknownTag("{{signer_cont}}", 3));
        LetterException e = catchThrowableOfType(LetterException.class,
                () -> template.render(TestSigners.sample(), Optional.empty()));
        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.describe()).isEqualTo(letter.file() + ":3: unknown tag '{{signer_cont}}'");
    }

    @Test
    void theTitleCannotNameItselfTheSubjectOrTheRecipient() {
        LetterTemplate template = LetterTemplate.compile(read("""
                ---
                title: "{{title}} {{subject}} {{#recipient}}{{recipient.name}}{{/recipient}}"
                subject: "{{subject}} {{title}}"
                ---
                Body.
                """));

        assertThat(template.unknownTags(TestSigners.sample())).extracting(UnknownTag::tag, UnknownTag::line)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("{{title}}", 2L),
                        org.assertj.core.groups.Tuple.tuple("{{subject}}", 2L),
                        org.assertj.core.groups.Tuple.tuple("{{#recipient}}", 2L),
                        org.assertj.core.groups.Tuple.tuple("{{subject}}", 3L));
    }

    @Test
    void aRecipientTagInTheTitleIsBlamedOnTheTitleNotOnTheContactsFile() {
        LetterTemplate template = LetterTemplate.compile(read("""
                ---
                title: "Letter for {{recipient.name}}"
                ---
                Body.
                """));

        LetterException e = catchThrowableOfType(LetterException.class, () -> template.withSigners(TestSigners.sample()));

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("{{recipient.name}}", "the title", "sees no recipient")
                .doesNotContain("the contacts file has no such column");
    }

    @Test
    void aBareRecipientTagInTheSubjectNeedsAContact() {
        LetterTemplate template = LetterTemplate.compile(read("""
                ---
                subject: "For {{recipient.name}}"
                ---
                Body.
                """));

        assertThat(template.unknownTags(TestSigners.sample())).isEmpty();
        assertThat(template.contactOnlyTags(TestSigners.sample())).containsExactly(new UnknownTag("{{recipient.name}}", 2));
        assertThat(template.namesRecipient()).isTrue();
        LetterTemplate.Signed signed = template.withSigners(TestSigners.sample());
        LetterException e = catchThrowableOfType(LetterException.class, () -> signed.subject(Optional.empty()));
        assertThat(e.getMessage()).contains("{{recipient.name}}", "put it inside {{#recipient}}");
        assertThat(signed.subject(Optional.of(ANA))).isEqualTo("For Ana Example");

        Recipient noOrg = new Recipient(Map.of("name", "Bo", "email", "bo@example.com"), 7);
        LetterTemplate columns = LetterTemplate.compile(read("---\nsubject: \"For {{recipient.org}}\"\n---\nBody.\n"));
        LetterException missing = catchThrowableOfType(LetterException.class,
                () -> columns.withSigners(TestSigners.sample()).subject(Optional.of(noOrg)));
        assertThat(missing.getMessage()).contains("{{recipient.org}}", "the contacts file has no such column");
        assertThat(missing.line()).isEqualTo(2);
    }

    @Test
    void aSyntaxErrorInTheTitleNamesTheKeyAndItsLine() {
        Letter letter = read("""
                ---
                lang: en
                title: "{{#recipient}}Dear"
                ---
                Body.
                """);

        LetterException e = catchThrowableOfType(LetterException.class, () -> LetterTemplate.compile(letter));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("title");
        assertThat(e.getMessage()).contains("template error in 'title'", "never closed");
    }

    @Test
    void aSignerLineSeesTheTitleFilledInAndTheSubjectOnlyWhenEveryMessageHasTheSame() {
        LetterTemplate.Signed same = signed("""
                ---
                title: "{{signer_count}} sign"
                subject: "{{title}}!"
                signer_line: "{{organization}} ({{title}}, {{subject}})"
                ---
                Body.
                """);
        assertThat(same.render(Optional.empty()).markdown()).contains("- Example Rights Project (3 sign, 3 sign!)");

        LetterTemplate personal = LetterTemplate.compile(read("""
                ---
                subject: "{{#recipient}}{{recipient.name}}{{/recipient}}"
                signer_line: "{{organization}} {{subject}}"
                ---
                Body.
                """));
        assertThat(personal.unknownTags(TestSigners.sample())).containsExactly(new UnknownTag("{{subject}}", 3));
    }

    private LetterTemplate.Signed signed(String text) {
        return LetterTemplate.compile(read(text)).withSigners(TestSigners.sample());
    }

    private Letter read(String text) {
        return LetterReader.read(LetterFiles.write(dir, text));
    }
}
