package org.signon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a letter shows only for some contacts ({@code {{^recipient.title}}}, a column named
 * without {@code recipient.} inside {@code {{#recipient}}}) or only without one
 * ({@code {{^recipient}}}), checked as render and send would meet it: a letter that passes
 * check does not stop a send on a contact whose cell is empty.
 */
class CheckContactBranchesTest {

    @TempDir
    Path dir;

    private Path letter(String frontMatter, String body) throws Exception {
        Files.writeString(dir.resolve("s.csv"), "Organization,Country\nExample Org,France\n");
        Path letter = dir.resolve("l.md");
        Files.writeString(letter, "---\nsigners: s.csv\ntitle: Test\nfrom: Example <coalition@example.org>\n" + frontMatter
                + "---\n" + body);
        return letter;
    }

    private Path contacts(String csv) throws Exception {
        Path contacts = dir.resolve("contacts.csv");
        Files.writeString(contacts, csv);
        return contacts;
    }

    /** {@code send --contacts} stops on the missing seal.png at {@code line}, and check reports it there. */
    private void assertSendStopsOnTheSealAndCheckSaysSo(Path letter, Path contacts, int line) {
        CliRun send = CliRun.of("send", letter.toString(), "--contacts", contacts.toString(), "-q");
        CliRun check = CliRun.of("check", letter.toString());

        assertThat(send.exitCode()).as(send.err()).isEqualTo(66);
        assertThat(send.err()).contains(letter + ":" + line + ": image not found");
        assertThat(check.exitCode()).as(check.out()).isEqualTo(65);
        assertThat(check.out()).contains(letter + ":" + line + ": error: image not found: " + dir.resolve("seal.png"));
    }

    /** A small real PNG file. */
    private static void png(Path file) throws Exception {
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    }

    @Test
    void anImageShownWhenAContactsCellIsEmptyIsChecked() throws Exception {
        Path letter = letter("", "{{#recipient}}Dear {{recipient.name}},{{^recipient.title}}\n\n"
                + "![seal](seal.png)\n{{/recipient.title}}{{/recipient}}\n\nThanks.\n");
        Path contacts = contacts("name,email,title\nJordan Example,jordan@example.com,\n");

        assertSendStopsOnTheSealAndCheckSaysSo(letter, contacts, 8);
    }

    @Test
    void anImageUnderTwoColumnsOneFilledOneEmptyIsChecked() throws Exception {
        Path letter = letter("", "{{#recipient.title}}{{^recipient.org}}\n![seal](seal.png)\n"
                + "{{/recipient.org}}{{/recipient.title}}\n");

        CliRun check = CliRun.of("check", letter.toString());

        assertThat(check.out()).contains(letter + ":7: error: image not found: " + dir.resolve("seal.png"));
    }

    @Test
    void anImageUnderAColumnASectionNamesWithoutRecipientIsCheckedAmongManyPrintedColumns() throws Exception {
        // Only columns a section tests are varied (the others print the same, filled or empty):
        // {{^region}} inside {{#recipient}} tests the region column though it never says recipient.
        Path letter = letter("", "{{#recipient}}Dear {{recipient.name}} {{recipient.title}} {{recipient.org}},"
                + "{{^region}}\n\n![seal](seal.png)\n{{/region}}{{/recipient}}\n");
        Path contacts = contacts("name,email,title,org,region\nJordan Example,jordan@example.com,Dr,Example Org,\n");

        assertSendStopsOnTheSealAndCheckSaysSo(letter, contacts, 8);
    }

    @Test
    void aNameThePdfCannotDrawWhenACellIsEmptyIsAnErrorWhenThePdfIsAttached() throws Exception {
        Path letter = letter("attach: pdf\n", "{{#recipient}}Dear {{recipient.name}},"
                + "{{^recipient.title}} 北京{{/recipient.title}}{{/recipient}}\n");

        CliRun check = CliRun.of("check", letter.toString());

        assertThat(check.exitCode()).as(check.out()).isEqualTo(65);
        assertThat(check.out()).contains("error: ", "'北' (U+5317)");
    }

    @Test
    void anImageInsideARecipientSectionThatNamesAColumnWithoutRecipientIsChecked() throws Exception {
        Path letter = letter("", "{{#recipient}}Dear {{region}} colleague,\n\n![seal](seal.png)\n{{/recipient}}\n");
        Path contacts = contacts("name,email,region\nJordan Example,jordan@example.com,West\n");

        assertSendStopsOnTheSealAndCheckSaysSo(letter, contacts, 8);
    }

    @Test
    void anImageInAnInvertedRecipientSectionIsAWarningWhileATagElsewhereNeedsAContact() throws Exception {
        // No run makes the letter without a contact while the subject needs one, and a contact's
        // letter never shows {{^recipient}}: check must not fail what every run handles.
        Path letter = letter("subject: For {{recipient.name}}\n",
                "Hello.\n\n{{^recipient}}\n![seal](seal.png)\n{{/recipient}}\n");
        Path contacts = contacts("name,email\nJordan Example,jordan@example.com\n");

        CliRun check = CliRun.of("check", letter.toString());
        CliRun send = CliRun.of("send", letter.toString(), "--contacts", contacts.toString(), "-q");
        CliRun render = CliRun.of("render", letter.toString());

        assertThat(send.exitCode()).as(send.err()).isZero();
        assertThat(render.exitCode()).as(render.err()).isEqualTo(65);
        assertThat(render.err()).contains("unknown tag '{{recipient.name}}'").doesNotContain("image");
        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).contains(letter + ":10: warning: image not found: " + dir.resolve("seal.png")
                + " (only in the letter without a contact, which no run makes while a tag needs a contact)",
                letter + ":5: warning: '{{recipient.name}}' needs a contact");
    }

    @Test
    void anImageInAnInvertedRecipientSectionIsAnErrorWhenTheLetterIsMadeWithoutAContact() throws Exception {
        Path letter = letter("subject: For our representatives\n",
                "Hello {{#recipient}}{{recipient.name}}{{/recipient}}.\n\n{{^recipient}}\n![seal](seal.png)\n{{/recipient}}\n");

        CliRun check = CliRun.of("check", letter.toString());
        CliRun render = CliRun.of("render", letter.toString(), "-f", "html", "-o", dir.resolve("l.html").toString());

        assertThat(render.exitCode()).as(render.err()).isEqualTo(66);
        assertThat(check.exitCode()).as(check.out()).isEqualTo(65);
        assertThat(check.out()).contains(letter + ":10: error: image not found: " + dir.resolve("seal.png"));
    }

    @Test
    void pathsBuiltFromContactColumnsAreLeftToSendAndGoodImagesPass() throws Exception {
        png(dir.resolve("seal.png"));
        Path letter = letter("", "Hello {{recipient.name}}.\n\n"
                + "{{^recipient}}![seal](seal.png){{/recipient}}\n\n"
                + "{{#recipient}}![badge](badge-{{region}}.png) {{^recipient.title}}![seal](seal.png)"
                + "![b](b-{{recipient.title}}.png){{/recipient.title}}{{/recipient}}\n");

        CliRun check = CliRun.of("check", letter.toString());

        assertThat(check.exitCode()).as(check.out()).isZero();
        assertThat(check.out()).doesNotContain("image").contains("ok: 0 errors, 1 warning");
    }

    @Test
    void aLineBreakASubjectBranchBringsForAnEmptyCellIsAnError() throws Exception {
        Path letter = letter("subject: \"Letter{{#recipient}}{{^region}} {{note}}{{/region}}{{/recipient}}\"\n"
                + "note: |\n  two\n  lines\n", "{{#recipient}}Dear {{recipient.name}},{{/recipient}}\n");
        Path contacts = contacts("name,email,region\nJordan Example,jordan@example.com,\n");

        CliRun send = CliRun.of("send", letter.toString(), "--contacts", contacts.toString(), "-q");
        CliRun check = CliRun.of("check", letter.toString());

        assertThat(send.exitCode()).as(send.err()).isEqualTo(65);
        assertThat(send.err()).contains(letter + ":6: 'note', used in the subject, contains a control character");
        assertThat(check.exitCode()).as(check.out()).isEqualTo(65);
        assertThat(check.out()).contains(letter + ":6: error: 'note', used in the subject, contains a control character");
    }

    @Test
    void aSubjectMadeOfAContactsColumnIsLeftToSendWhenTheCellMayBeEmpty() throws Exception {
        Path letter = letter("subject: \"{{#recipient.org}}{{recipient.org}}{{/recipient.org}}\"\n",
                "{{#recipient}}Dear {{recipient.name}},{{/recipient}}\n");

        CliRun check = CliRun.of("check", letter.toString());

        assertThat(check.out()).doesNotContain("empty");
    }
}
