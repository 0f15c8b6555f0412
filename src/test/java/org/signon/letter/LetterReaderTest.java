package org.signon.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.SignonException.Kind;
import org.signon.signers.SignerKind;

class LetterReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryKnownKeyWithItsLine() {
        Path file = LetterFiles.write(dir, """
                ---
                title: Stop hosting HART
                date: 2022-05-24
                subject: "Our letter"
                from: Example Coalition <coalition@example.org>
                to:
                  - Ana Example <ana@example.com>
                  - Bo Example <bo@example.com>
                cc: Partner <partner@example.org>
                bcc: [Us <us@example.org>]
                reply_to: Replies <replies@example.org>
                signers: ../signers/list.csv
                columns:
                  organization: Org name
                  state: Province
                groups: [National Organizations, International Organizations]
                lang: fr_CA
                signer_line: "{{organization}} ({{country}})"
                paper: A4
                logo: logo.png
                attach: pdf
                ---
                Dear friends,
                """);

        Letter letter = LetterReader.read(file);
        FrontMatter front = letter.front();

        assertThat(front.title()).isEqualTo("Stop hosting HART");
        assertThat(front.date()).isEqualTo("2022-05-24");
        assertThat(front.subject()).isEqualTo("Our letter");
        assertThat(front.from()).isEqualTo("Example Coalition <coalition@example.org>");
        assertThat(front.to()).containsExactly("Ana Example <ana@example.com>", "Bo Example <bo@example.com>");
        assertThat(front.cc()).containsExactly("Partner <partner@example.org>");
        assertThat(front.bcc()).containsExactly("Us <us@example.org>");
        assertThat(front.replyTo()).containsExactly("Replies <replies@example.org>");
        assertThat(front.signers()).isEqualTo("../signers/list.csv");
        assertThat(front.columns()).isEqualTo(Map.of("organization", "Org name", "state", "Province"));
        assertThat(front.groups()).containsExactly("National Organizations", "International Organizations");
        assertThat(front.lang()).isEqualTo("fr-CA");
        assertThat(front.signerLine()).isEqualTo("{{organization}} ({{country}})");
        assertThat(front.paper()).isEqualTo("a4");
        assertThat(front.logo()).isEqualTo("logo.png");
        assertThat(front.attach()).isEqualTo("pdf");
        assertThat(front.data()).isEmpty();
        assertThat(front.lineOf("title")).isEqualTo(2);
        assertThat(front.lineOf("to")).isEqualTo(7);
        assertThat(front.lineOf("cc")).isEqualTo(9);
        assertThat(front.lineOf("columns")).isEqualTo(14);
        assertThat(front.lineOf("attach")).isEqualTo(21);
        assertThat(front.lineOf("missing")).isZero();
        assertThat(letter.body()).isEqualTo("Dear friends,\n");
        assertThat(letter.bodyLine()).isEqualTo(23);
        assertThat(letter.resolve(front.signers())).isEqualTo(dir.getParent().resolve("signers/list.csv"));
    }

    @Test
    void absentKeysGetDefaultsAndSubjectFallsBackToTitle() {
        Path file = LetterFiles.write(dir, "---\ntitle: Hello\n---\nBody\n");

        FrontMatter front = LetterReader.read(file).front();

        assertThat(front.subject()).isEqualTo("Hello");
        assertThat(front.date()).isEmpty();
        assertThat(front.from()).isEmpty();
        assertThat(front.to()).isEmpty();
        assertThat(front.columns()).isEmpty();
        assertThat(front.groups()).isEmpty();
        assertThat(front.lang()).isEqualTo("en");
        assertThat(front.paper()).isEqualTo("letter");
        assertThat(front.attach()).isEmpty();
        assertThat(front.lines()).containsOnlyKeys("title");
    }

    @Test
    void emptyFrontMatterIsAllowed() {
        Letter letter = LetterReader.read(LetterFiles.write(dir, "---\n---\nJust a body\n"));

        assertThat(letter.front().title()).isEmpty();
        assertThat(letter.body()).isEqualTo("Just a body\n");
        assertThat(letter.bodyLine()).isEqualTo(3);
    }

    @Test
    void keepsUnquotedDatesAsWritten() {
        Path file = LetterFiles.write(dir, """
                ---
                date: 2022-05-24
                deadline: 2022-06-01
                events:
                  - when: 2022-06-15 10:00:00
                ---
                """);

        FrontMatter front = LetterReader.read(file).front();

        assertThat(front.date()).isEqualTo("2022-05-24");
        assertThat(front.data().get("deadline")).isEqualTo("2022-06-01");
        assertThat(front.data().get("events")).isEqualTo(List.of(Map.of("when", "2022-06-15 10:00:00")));
    }

    @Test
    void numbersInTemplateDataStayAsWritten() {
        Letter letter = LetterReader.read(LetterFiles.write(dir,
                "---\nzip: 02134\nprice: 1.50\nbig: 1_000\ntitle: 2022\n---\nBody\n"));

        assertThat(letter.front().data()).containsEntry("zip", "02134").containsEntry("price", "1.50")
                .containsEntry("big", "1_000");
        assertThat(letter.front().title()).isEqualTo("2022");
    }

    @Test
    void otherKeysBecomeTemplateDataWithTheirLines() {
        Path file = LetterFiles.write(dir, """
                ---
                campaign: HART
                deadline_days: 30
                urgent: true
                demands:
                  - End the contract
                  - Publish the terms
                contact:
                  name: Example Person
                  phone:
                ---
                """);

        FrontMatter front = LetterReader.read(file).front();

        assertThat(front.data()).containsEntry("campaign", "HART")
                .containsEntry("deadline_days", "30")
                .containsEntry("urgent", true)
                .containsEntry("demands", List.of("End the contract", "Publish the terms"))
                .containsEntry("contact", Map.of("name", "Example Person", "phone", ""));
        assertThat(front.lineOf("campaign")).isEqualTo(2);
        assertThat(front.lineOf("demands")).isEqualTo(6);
        assertThat(front.lineOf("contact")).isEqualTo(9);
    }

    @Test
    void acceptsByteOrderMarkAndCrlf() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "---\r\ntitle: Windows\r\nto: A <a@example.com>\r\n---\r\nLine one\r\nLine two\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);

        Letter letter = LetterReader.read(LetterFiles.write(dir, "crlf.md", bytes));

        assertThat(letter.front().title()).isEqualTo("Windows");
        assertThat(letter.front().lineOf("to")).isEqualTo(3);
        assertThat(letter.body()).isEqualTo("Line one\nLine two\n");
        assertThat(letter.bodyLine()).isEqualTo(5);
    }

    @Test
    void missingFileIsNoInput() {
        Path missing = dir.resolve("nope.md");

        LetterException e = catchThrowableOfType(LetterException.class, () -> LetterReader.read(missing));

        assertThat(e.kind()).isEqualTo(Kind.NO_INPUT);
        assertThat(e.file()).isEqualTo(missing);
    }

    @Test
    void noFrontMatterIsData() {
        Path file = LetterFiles.write(dir, "Dear friends,\n\nPlease stop.\n");

        LetterException e = catchThrowableOfType(LetterException.class, () -> LetterReader.read(file));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("must start with a '---' line");
    }

    @Test
    void unclosedFrontMatterIsData() {
        Path file = LetterFiles.write(dir, "---\ntitle: Open\n\nDear friends,\n");

        LetterException e = catchThrowableOfType(LetterException.class, () -> LetterReader.read(file));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.getMessage()).contains("no closing '---'");
    }

    @Test
    void badYamlNamesTheLetterFileLine() {
        Path file = LetterFiles.write(dir, """
                ---
                title: Fine
                to: [Ana <ana@example.com>
                subject: Broken
                ---
                Body
                """);

        LetterException e = catchThrowableOfType(LetterException.class, () -> LetterReader.read(file));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("front matter is not valid YAML");
    }

    @Test
    void badIndentationIsReportedOnItsLine() {
        Path file = LetterFiles.write(dir, "---\ntitle: A\nsubject: B\n  bad: indent\n---\n");

        LetterException e = catchThrowableOfType(LetterException.class, () -> LetterReader.read(file));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void groupsMustBeAList() {
        assertWrongType("---\ntitle: A\ngroups: 5\n---\n", "groups", 3, "must be a list of category names, not a number");
    }

    @Test
    void columnsMustBeAMap() {
        assertWrongType("---\ncolumns: [Org name]\n---\n", "columns", 2, "must map signer fields");
    }

    @Test
    void columnsOfPeopleMustBeAMapShownWithTheirNameHeader() {
        assertWrongType("---\nsigners_are: people\ncolumns: [Full name]\n---\n", "columns", 3,
                "must map signer fields to CSV headers (organization: \"Full name\"), not");
        assertWrongType("---\nsigners_are: organizations\ncolumns: [Org name]\n---\n", "columns", 3,
                "must map signer fields to CSV headers (organization: \"Organization name\"), not");
    }

    @Test
    void columnsMustNameKnownFields() {
        assertWrongType("---\ncolumns:\n  organization: Org\n  website: URL\n---\n", "columns", 4,
                "unknown signer field 'website'");
    }

    @Test
    void paperMustBeLetterOrA4() {
        assertWrongType("---\npaper: a3\n---\n", "paper", 2, "must be letter or a4");
    }

    @Test
    void signersAreOrganizationsOrPeople() {
        assertWrongType("---\ntitle: A\nsigners_are: persons\n---\n", "signers_are", 3,
                "'signers_are' must be organizations or people, not 'persons'");
    }

    @Test
    void signersAreOrganizationsUnlessTheLetterSaysPeople() {
        Path people = LetterFiles.write(dir, "---\nsigners_are: People\n---\nHi\n");
        assertThat(LetterReader.read(people).front().signersAre()).isEqualTo(SignerKind.PEOPLE);
        assertThat(LetterReader.read(people).front().data()).doesNotContainKey("signers_are");

        Path plain = LetterFiles.write(dir, "---\ntitle: A\n---\nHi\n");
        assertThat(LetterReader.read(plain).front().signersAre()).isEqualTo(SignerKind.ORGANIZATIONS);
    }

    @Test
    void attachOnlyTakesPdf() {
        assertWrongType("---\nattach: docx\n---\n", "attach", 2, "can only be pdf");
    }

    @Test
    void titleMustBeText() {
        assertWrongType("---\ntitle:\n  - one\n  - two\n---\n", "title", 3, "must be a single text value, not a list");
    }

    @Test
    void addressListEntriesMustBeText() {
        assertWrongType("---\nto:\n  - A <a@example.com>\n  - [nested]\n---\n", "to", 4, "this entry is a list");
    }

    @Test
    void langMustBeALanguageTag() {
        assertWrongType("---\nlang: english please\n---\n", "lang", 2, "must be a language tag");
    }

    @Test
    void reservedNamesCannotBeData() {
        assertWrongType("---\nsigner_count: 12\n---\n", "signer_count", 2, "filled in by signon");
    }

    @Test
    void duplicateKeysAreData() {
        assertWrongType("---\ntitle: A\ntitle: B\n---\n", "title", 3, "written twice (first on line 2)");
    }

    @Test
    void duplicateKeysInNestedDataAreData() {
        Path file = LetterFiles.write(dir, "---\ncontact:\n  name: A\n  name: B\n---\n");

        LetterException e = catchThrowableOfType(LetterException.class, () -> LetterReader.read(file));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("duplicate key name");
    }

    @Test
    void frontMatterMustBeAMapping() {
        Path file = LetterFiles.write(dir, "---\n- just\n- a list\n---\n");

        assertThatThrownBy(() -> LetterReader.read(file))
                .isInstanceOf(LetterException.class)
                .hasMessageContaining("'key: value' lines");
    }

    @Test
    void invalidUtf8IsDataWithItsLine() {
        byte[] bytes = "---\ntitle: Caf\u00e9\n---\nR\u00e9sum\u00e9 ".getBytes(StandardCharsets.ISO_8859_1);

        LetterException e = catchThrowableOfType(LetterException.class,
                () -> LetterReader.read(LetterFiles.write(dir, "latin1.md", bytes)));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("not valid UTF-8");
    }

    @Test
    void unsafeYamlTagsAreRejected() {
        Path file = LetterFiles.write(dir, "---\nthing: !!javax.script.ScriptEngineManager [x]\n---\n");

        LetterException e = catchThrowableOfType(LetterException.class, () -> LetterReader.read(file));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void selfReferencingAliasIsData() {
        Path file = LetterFiles.write(dir, "---\nloop: &a [*a]\n---\n");

        LetterException e = catchThrowableOfType(LetterException.class, () -> LetterReader.read(file));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.field()).isEqualTo("loop");
    }

    private void assertWrongType(String text, String key, int line, String message) {
        Path file = LetterFiles.write(dir, text);

        LetterException e = catchThrowableOfType(LetterException.class, () -> LetterReader.read(file));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.field()).isEqualTo(key);
        assertThat(e.getMessage()).contains(message);
        assertThat(e.describe()).startsWith(file + ":" + line + ": ");
    }
}
