package org.signon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tags in the front matter {@code title} and {@code subject}, end to end: the real CLI, real
 * files, a real SMTP server on 127.0.0.1.
 */
class SubjectTagsTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private Path letter;
    private Path contacts;

    @BeforeEach
    void campaign() throws Exception {
        Files.createDirectories(dir.resolve("letters"));
        Files.writeString(dir.resolve("signers.csv"), SendCommandTest.SIGNERS);
        letter = dir.resolve("letters/letter.md");
        contacts = dir.resolve("contacts.csv");
        Files.writeString(contacts, "\uFEFFname,email,org\r\nJürgen Müller,juergen@example.com,Example Cloud GmbH\r\n"
                + "Jane Doe,jane@example.com,Example Cloud Inc.\r\n");
        LoopbackSmtp.config(dir, greenMail.getSmtp().getPort());
    }

    /** The letter with this title and subject (line 2 and 3), to two people, signed by two organizations. */
    private void letter(String title, String subject) throws Exception {
        Files.writeString(letter, """
                ---
                title: "%s"
                subject: "%s"
                from: Example Coalition <coalition@example.org>
                to:
                  - Jordan Example <jordan@example.com>
                cc: Partner Network <partners@example.org>
                signers: ../signers.csv
                ---
                {{signer_count}} organizations ask you to stop.
                """.formatted(title, subject));
    }

    private String[] send(String... extra) {
        return LoopbackSmtp.send(letter, dir, extra);
    }

    private Path journal() {
        return dir.resolve("letters/letter.sent.csv");
    }

    private List<MimeMessage> receivedBy(String address) {
        return Received.by(greenMail, address);
    }

    /** The subject column of the journal's rows for messages the server accepted. */
    private List<String> journalSubjects() throws Exception {
        List<String> subjects = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(journal(), StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord row : parser) {
                if (row.get("status").equals("sent")) {
                    subjects.add(row.get("subject"));
                }
            }
        }
        return subjects;
    }

    @Test
    void theCountInTheSubjectArrivesFilledInAndDecodedNonAsciiToo() throws Exception {
        letter("{{signer_count}} organizations: letter to Example Cloud",
                "Offener Brief: {{signer_count}} Organisationen fordern: Schluss mit Überwachung");

        SendRun preview = SendRun.of(send());
        SendRun run = SendRun.of(send("--send", "--attach-pdf"));

        String expected = "Offener Brief: 2 Organisationen fordern: Schluss mit Überwachung";
        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        assertThat(preview.out()).contains("Subject: " + expected + "\n").doesNotContain("{{");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        MimeMessage received = receivedBy("jordan@example.com").get(0);
        assertThat(received.getHeader("Subject")[0]).as("encoded on the wire").startsWith("=?UTF-8?");
        assertThat(received.getSubject()).isEqualTo(expected);
        MimeMultipart mixed = (MimeMultipart) received.getContent();
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("2-organizations-letter-to-Example-Cloud.pdf");
        assertThat(journalSubjects()).containsExactly(expected);
    }

    @Test
    void eachContactGetsASubjectWithTheirOwnNameAndTheSameRunAgainSendsNothing() throws Exception {
        letter("Letter", "{{#recipient}}{{recipient.name}} ({{recipient.org}}): {{/recipient}}"
                + "{{signer_count}} organizations ask you to stop");
        Path eml = dir.resolve("preview");

        SendRun preview = SendRun.of(send("--contacts", contacts.toString(), "--eml-dir", eml.toString()));
        SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--send"));
        SendRun again = SendRun.of(send("--contacts", contacts.toString(), "--send"));

        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        try (Stream<Path> files = Files.list(eml)) {
            assertThat(files.map(SubjectTagsTest::subjectOf)).containsExactlyInAnyOrder(
                    "Jürgen Müller (Example Cloud GmbH): 2 organizations ask you to stop",
                    "Jane Doe (Example Cloud Inc.): 2 organizations ask you to stop");
        }
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(receivedBy("juergen@example.com").get(0).getSubject())
                .isEqualTo("Jürgen Müller (Example Cloud GmbH): 2 organizations ask you to stop");
        assertThat(receivedBy("jane@example.com").get(0).getSubject())
                .isEqualTo("Jane Doe (Example Cloud Inc.): 2 organizations ask you to stop");
        assertThat(journalSubjects()).containsExactly(
                "Jürgen Müller (Example Cloud GmbH): 2 organizations ask you to stop",
                "Jane Doe (Example Cloud Inc.): 2 organizations ask you to stop");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Skipped 2: already sent with the same content.");

        SendRun json = SendRun.of(send("--contacts", contacts.toString(), "--json"));
        assertThat(((List<?>) JSON.std.mapFrom(json.out()).get("results")).stream().map(r -> (Object) ((Map<?, ?>) r).get("subject")))
                .as("--json names each message's subject").containsExactly(
                        "Jürgen Müller (Example Cloud GmbH): 2 organizations ask you to stop",
                        "Jane Doe (Example Cloud Inc.): 2 organizations ask you to stop");

        SendRun single = SendRun.of(send("--to", "inbox@example.org"));
        assertThat(single.out()).as("without a contact the section is left out")
                .contains("Subject: 2 organizations ask you to stop\n");
    }

    private static String subjectOf(Path eml) {
        try (var in = Files.newInputStream(eml)) {
            return new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), in).getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anUnknownTagInTheSubjectFailsRenderSendAndCheckAtTheSubjectsLine() throws Exception {
        letter("Letter", "{{signer_cont}} organizations ask you to stop");

        SendRun render = SendRun.of("render", letter.toString());
        SendRun send = SendRun.of(send());
        SendRun check = SendRun.of("check", letter.toString());
        SendRun checkJson = SendRun.of("check", letter.toString(), "--json");

        String error = letter + ":3: unknown tag '{{signer_cont}}'";
        assertThat(render.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(render.err()).isEqualTo("signon: " + error + "\n");
        assertThat(send.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(send.err()).isEqualTo("signon: " + error + "\n");
        assertThat(send.out()).isEmpty();
        assertThat(check.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(check.out()).contains(letter + ":3: error: unknown tag '{{signer_cont}}'");
        assertThat(JSON.std.mapFrom(checkJson.out()).get("unknown_tags"))
                .isEqualTo(List.of(Map.of("tag", "{{signer_cont}}", "line", 3)));
    }

    @Test
    void anUnknownTagInTheTitleFailsAtTheTitlesLineAndTheTitleCannotNameTheSubject() throws Exception {
        letter("{{signer_count}} organizations: {{subject}}", "Open letter");

        SendRun render = SendRun.of("render", letter.toString());

        assertThat(render.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(render.err()).isEqualTo("signon: " + letter + ":2: unknown tag '{{subject}}'\n");
    }

    @Test
    void aContactsColumnTheSubjectUsesCannotCarryALineBreakIntoTheHeader() throws Exception {
        letter("Letter", "{{#recipient}}{{recipient.org}}: {{/recipient}}{{signer_count}} organizations ask you to stop");
        Files.writeString(contacts, "name,email,org\nJane Doe,jane@example.com,Example Cloud Inc.\n"
                + "Bob Example,bob@example.com,\"Example\r\nBcc: victim@example.net\"\n");
        Path eml = dir.resolve("preview");

        SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--send"));
        SendRun preview = SendRun.of(send("--contacts", contacts.toString(), "--eml-dir", eml.toString()));

        for (SendRun stopped : List.of(run, preview)) {
            assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.DATA.code());
            assertThat(stopped.err()).isEqualTo("signon: " + contacts + ":3: column 'org', used in the subject,"
                    + " contains a control character (U+000D); header values must be one plain line\n");
            assertThat(stopped.out()).isEmpty();
        }
        assertThat(greenMail.getReceivedMessages()).as("not even the first contact's").isEmpty();
        assertThat(journal()).doesNotExist();
        assertThat(eml).doesNotExist();
    }

    @Test
    void aTabFromAContactIsRefusedButSpacesAroundTheSubjectAreTrimmed() throws Exception {
        letter("Letter", "  {{#recipient}}{{recipient.org}}{{/recipient}}: {{signer_count}} sign  ");
        Files.writeString(contacts, "name,email,org\nJane Doe,jane@example.com,Example\tCloud\n");

        SendRun tab = SendRun.of(send("--contacts", contacts.toString()));
        SendRun single = SendRun.of(send());

        assertThat(tab.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(tab.err()).startsWith("signon: " + contacts + ":2: column 'org', used in the subject,"
                + " contains a control character (U+0009)");
        assertThat(single.exitCode()).as(single.toString()).isZero();
        assertThat(single.out()).contains("\nSubject: : 2 sign\n");
    }

    @Test
    void aSubjectThatFillsInToNothingIsRefusedForTheMessageItWouldHead() throws Exception {
        letter("Letter", "{{#recipient}}For {{recipient.name}}{{/recipient}}");

        SendRun single = SendRun.of(send());
        SendRun personal = SendRun.of(send("--contacts", contacts.toString()));

        assertThat(single.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(single.err()).isEqualTo("signon: " + letter + ":3: the subject is empty once its tags"
                + " are filled in\n");
        assertThat(personal.exitCode()).as(personal.toString()).isZero();
        assertThat(personal.out()).contains("Subject: For Jane Doe\n");

        SendRun check = SendRun.of("check", letter.toString());

        assertThat(check.exitCode()).as("fine with --contacts: a warning").isZero();
        assertThat(check.out()).contains(letter + ":3: warning: the subject is empty once its tags are filled in:"
                + " send without --contacts stops on it");
    }

    @Test
    void aFrontMatterValueWithALineBreakIsBlamedOnItsOwnLineBySendAndCheck() throws Exception {
        letter("Letter", "{{campaign}}: {{signer_count}} organizations");
        Files.writeString(letter, Files.readString(letter).replace("signers: ../signers.csv",
                "signers: ../signers.csv\ncampaign: \"Stop HART\\nBcc: victim@example.net\""));

        SendRun send = SendRun.of(send());
        SendRun check = SendRun.of("check", letter.toString());

        String error = letter + ":9: 'campaign', used in the subject, contains a control character (U+000A);"
                + " header values must be one plain line";
        assertThat(send.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(send.err()).isEqualTo("signon: " + error + "\n");
        assertThat(check.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(check.out()).contains(letter + ":9: error: 'campaign', used in the subject, contains a control");
    }

    @Test
    void aTitleWrittenOverSeveralLinesIsSentAsOneLineSubjectAndChecksClean() throws Exception {
        Files.writeString(letter, """
                ---
                title: |
                  Letter to Example Cloud
                  from {{signer_count}} organizations
                from: Example Coalition <coalition@example.org>
                to: Jordan Example <jordan@example.com>
                signers: ../signers.csv
                ---
                {{subject}}.
                """);

        SendRun check = SendRun.of("check", letter.toString());
        SendRun run = SendRun.of(send("--send"));

        assertThat(check.exitCode()).as(check.toString()).isZero();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        MimeMessage received = receivedBy("jordan@example.com").get(0);
        assertThat(received.getSubject()).isEqualTo("Letter to Example Cloud from 2 organizations");
        assertThat(journalSubjects()).containsExactly("Letter to Example Cloud from 2 organizations");
    }

    @Test
    void theTitleWithACountIsTheHeadingInTextAndHtmlAndTheHtmlTitle() throws Exception {
        letter("{{signer_count}} organizations: letter to Example_Cloud <Inc.>", "Open letter");

        SendRun text = SendRun.of("render", letter.toString());
        SendRun html = SendRun.of("render", letter.toString(), "-f", "html");
        SendRun markdown = SendRun.of("render", letter.toString(), "-f", "markdown");

        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).startsWith("2 organizations: letter to Example_Cloud <Inc.>\n====");
        assertThat(markdown.out()).startsWith("# 2 organizations: letter to Example\\_Cloud \\<Inc.>\n");
        var page = Jsoup.parse(html.out());
        assertThat(page.title()).isEqualTo("2 organizations: letter to Example_Cloud <Inc.>");
        assertThat(page.select("h1").text()).isEqualTo("2 organizations: letter to Example_Cloud <Inc.>");
        assertThat(html.out()).doesNotContain("{{");
    }
}
