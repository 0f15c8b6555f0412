package org.signon.cli;

import org.jsoup.nodes.Document;
import org.jsoup.Jsoup;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.Loader;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.Part;
import jakarta.mail.BodyPart;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.signon.mail.smtp.SmtpFaultProxy;

/** {@code signon send} end to end: real letter and CSV files, the real CLI, a real SMTP server on 127.0.0.1. */
class SendCommandTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("organizer@example.org", "organizer", "right-password"));

    @TempDir
    Path dir;

    private Path letter;
    private Path contacts;

    static final String SIGNERS = """
            Organization name,City,State,Type of organization,Contact name,Email Address,I confirm that my organization signs on to this letter
            Example Tenants Union,Oakland,CA,State and Local Organizations,Pat Private,pat.private@example.net,Yes
            Example Digital Rights,,,National Organizations,Sam Secret,sam.secret@example.net,Yes
            """;

    @BeforeEach
    void campaign() throws Exception {
        Files.createDirectories(dir.resolve("letters"));
        Files.writeString(dir.resolve("signers.csv"), SIGNERS);
        letter = dir.resolve("letters/letter.md");
        Files.writeString(letter, """
                ---
                title: Letter to Example Cloud
                subject: "Offener Brief: Schluss mit Überwachung"
                from: Example Coalition <coalition@example.org>
                to:
                  - Jordan Example <jordan@example.com>
                  - Sam Example <sam@example.com>
                cc: Partner Network <partners@example.org>
                bcc: archive@example.org
                signers: ../signers.csv
                ---
                Dear {{recipient.name}}, {{recipient.title}},

                {{signer_count}} organizations ask you to stop.
                """);
        contacts = dir.resolve("contacts.csv");
        Files.writeString(contacts, "\uFEFFname,email,title\r\nJürgen Müller,juergen@example.com,CEO\r\n"
                + "Jane Doe,jane@example.com,General Counsel\r\n");
        writeConfig(greenMail.getSmtp().getPort());
    }

    private void writeConfig(int port) throws Exception {
        LoopbackSmtp.config(dir, port);
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

    /** The text/plain alternative of a message as a recipient's client would show it. */
    private static String plainText(MimeMessage message) throws Exception {
        MimeMultipart alternative = (MimeMultipart) message.getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        return (String) alternative.getBodyPart(0).getContent();
    }

    /** The letter without recipient tags, for one message to everyone. */
    private void impersonal() throws Exception {
        Files.writeString(letter, Files.readString(letter).replace(
                "Dear {{recipient.name}}, {{recipient.title}},", "Dear colleagues,"));
    }

    @Test
    void aDryRunPrintsEveryMessageAndConnectsToNothing() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            writeConfig(trap.getLocalPort());

            SendRun run = SendRun.of(send("--contacts", contacts.toString()));

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out())
                    .contains("=== Message 1 of 2 (would send) ===")
                    .contains("From: Example Coalition <coalition@example.org>")
                    .contains("To: Jürgen Müller <juergen@example.com>")
                    .contains("Cc: Partner Network <partners@example.org>")
                    .contains("Bcc: archive@example.org")
                    .contains("Subject: Offener Brief: Schluss mit Überwachung")
                    .contains("Date: ")
                    .contains("Dear Jürgen Müller, CEO,")
                    .contains("Dear Jane Doe, General Counsel,")
                    .contains("2 organizations ask you to stop.")
                    .contains("2 messages to 4 addresses would be sent. This was a dry run: add --send to send.")
                    .doesNotContain("pat.private@example.net").doesNotContain("Sam Secret");
            trap.setSoTimeout(200);
            try {
                trap.accept().close();
                throw new AssertionError("the dry run connected to the SMTP port");
            } catch (SocketTimeoutException expected) {
                // nobody connected
            }
        }
        assertThat(journal()).doesNotExist();
    }

    @Test
    void emlDirWritesOneFilePerMessageAndDoesNotPrintBodies() throws Exception {
        Path preview = dir.resolve("preview");

        SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--eml-dir", preview.toString()));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("001-juergen-example-com.eml  juergen@example.com  (would send)")
                .contains("Wrote 2 .eml files to " + preview).doesNotContain("Dear Jane");
        try (InputStream in = Files.newInputStream(preview.resolve("002-jane-example-com.eml"))) {
            MimeMessage eml = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(eml.getSubject()).isEqualTo("Offener Brief: Schluss mit Überwachung");
            assertThat(((InternetAddress) eml.getRecipients(RecipientType.TO)[0]).getPersonal()).isEqualTo("Jane Doe");
            assertThat(plainText(eml)).contains("Dear Jane Doe,");
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aSecondPreviewIntoTheSameFolderSaysWhichFilesAreNotItsOwn() throws Exception {
        Path preview = dir.resolve("preview");
        SendRun.of(send("--contacts", contacts.toString(), "--eml-dir", preview.toString()));
        Files.writeString(contacts, "name,email,title\nJane Doe,jane@example.com,General Counsel\n");

        SendRun second = SendRun.of(send("--contacts", contacts.toString(), "--eml-dir", preview.toString()));

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("001-jane-example-com.eml  jane@example.com  (would send)")
                .contains("Wrote 1 .eml file to " + preview + "; it also holds 2 older .eml files that this run did not write"
                        + " (delete them to see only this batch)");
        try (Stream<Path> files = Files.list(preview)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("signon deletes no file it did not write in this run")
                    .containsExactlyInAnyOrder("001-jane-example-com.eml", "001-juergen-example-com.eml", "002-jane-example-com.eml");
        }

        SendRun third = SendRun.of(send("--contacts", contacts.toString(), "--eml-dir", dir.resolve("fresh").toString()));

        assertThat(third.out()).contains("Wrote 1 .eml file to " + dir.resolve("fresh") + "\n");
    }

    @Test
    void sendsOnePersonalizedMessagePerContactThenSkipsThemThenResendsOnPurpose() throws Exception {
        SendRun first = SendRun.of(send("--contacts", contacts.toString(), "--send"));

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("Sent 2 messages to 4 addresses.").contains("Journal: " + journal());
        assertThat(first.err()).contains("sent 1/2 juergen@example.com").contains("sent 2/2 jane@example.com");
        List<MimeMessage> juergen = receivedBy("juergen@example.com");
        assertThat(juergen).hasSize(1);
        assertThat(juergen.get(0).getSubject()).isEqualTo("Offener Brief: Schluss mit Überwachung");
        assertThat(plainText(juergen.get(0))).contains("Dear Jürgen Müller,").doesNotContain("Jane");
        assertThat(greenMail.getReceivedMessages()).as("2 messages, each to contact, cc and bcc").hasSize(6);
        assertThat(Files.readAllLines(journal())).hasSize(5);

        SendRun second = SendRun.of(send("--contacts", contacts.toString(), "--send"));

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("Nothing to send: every message was sent before.").contains("Skipped 2");
        assertThat(greenMail.getReceivedMessages()).hasSize(6);

        SendRun resend = SendRun.of(send("--contacts", contacts.toString(), "--send", "--resend", "--limit", "1"));

        assertThat(resend.exitCode()).as(resend.toString()).isZero();
        assertThat(receivedBy("juergen@example.com")).hasSize(2);
        assertThat(receivedBy("jane@example.com")).hasSize(1);
    }

    @Test
    void withoutContactsOneMessageGoesToEveryoneInTo() throws Exception {
        impersonal();
        SendRun run = SendRun.of(send("--send", "-q"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).isEmpty();
        MimeMessage message = greenMail.getReceivedMessages()[0];
        assertThat(greenMail.getReceivedMessages()).hasSize(4);
        assertThat(message.getHeader("To")[0]).contains("jordan@example.com").contains("sam@example.com");
        assertThat(plainText(message)).contains("Dear colleagues,");
    }

    @Test
    void progressIsABarOnlyWhenStandardErrorIsATerminalWhateverStandardOutputIs() {
        // send --send 2> send.log, at a terminal: the log gets lines, not redrawn bars.
        SendRun logged = SendRun.atTerminals(true, false, send("--contacts", contacts.toString(), "--send"));
        assertThat(logged.exitCode()).as(logged.toString()).isZero();
        assertThat(logged.err()).doesNotContain("\r").doesNotContain("Sending")
                .contains("sending 2 of 2 messages\n").contains("sent 2/2 jane@example.com\n");

        // send --send > summary.txt, at a terminal: the person watching gets the bar.
        SendRun watched = SendRun.atTerminals(false, true, send("--contacts", contacts.toString(), "--send", "--resend"));
        assertThat(watched.exitCode()).as(watched.toString()).isZero();
        assertThat(watched.err()).contains("\rSending").contains("2/2").doesNotContain("sending 2 of 2");
        assertThat(watched.out()).contains("Sent 2 messages");
    }

    @Test
    void toOnTheCommandLineReplacesTheFrontMatter() throws Exception {
        impersonal();
        SendRun run = SendRun.of(send("--to", "Test Inbox <inbox@example.org>", "--send"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(receivedBy("inbox@example.org")).hasSize(1);
        assertThat(receivedBy("jordan@example.com")).isEmpty();
    }

    @Test
    void headerInjectionFromTheContactsIsRefusedBeforeAnythingIsSent() throws Exception {
        Files.writeString(contacts, "name,email\nJane Doe,jane@example.com\n\"Bob\r\nBcc: victim@example.net\",bob@example.com\n");

        SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--send"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(run.err()).startsWith("signon: " + contacts + ":3: ").contains("control character");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(journal()).doesNotExist();
    }

    @Test
    void anInvalidAddressOnTheLastRowStopsTheRunBeforeTheFirstMessage() throws Exception {
        Files.writeString(contacts, "name,email\nJane Doe,jane@example.com\nBob,bob@example\n");

        SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--send"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(run.err()).contains(contacts + ":3: ").contains("invalid address 'bob@example'");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void anInvalidFrontMatterAddressNamesItsLine() throws Exception {
        impersonal();
        Files.writeString(letter, Files.readString(letter).replace("bcc: archive@example.org", "bcc: archive at example.org"));

        SendRun run = SendRun.of(send());

        assertThat(run.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(run.err()).contains(letter + ":9: bcc: invalid address 'archive at example.org'");
    }

    @Test
    void severalAddressesInOneValueAreRefusedWithHowToListThem() throws Exception {
        impersonal();
        Files.writeString(letter, Files.readString(letter).replace("bcc: archive@example.org",
                "bcc: archive@example.org, partners@example.org"));

        SendRun entry = SendRun.of(send());
        SendRun option = SendRun.of(send("--to", "jordan@example.com,sam@example.com"));

        assertThat(entry.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(entry.err()).isEqualTo("signon: " + letter + ":9: bcc: invalid address 'archive@example.org, "
                + "partners@example.org': several addresses in one entry: write a list, one address per line, each line"
                + " starting with '- '\n");
        assertThat(option.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(option.err()).contains("invalid address 'jordan@example.com,sam@example.com': one address per --to,"
                + " repeat the option for each");
    }

    /**
     * The list hint only where a list is what was meant: a name with an unquoted comma is one
     * person (split, "Doe" would be sent to), and 'from' is one sender, never a list.
     */
    @Test
    void theListHintIsNotGivenForOneAddressWithACommaInItsNameNorForFrom() throws Exception {
        impersonal();
        SendRun unquoted = SendRun.of(send("--to", "Doe, Jane <jane@example.org>"));
        SendRun quoted = SendRun.of(send("--to", "\"Doe, Jane\" <jane@example.org>"));
        Files.writeString(letter, Files.readString(letter).replace("from: Example Coalition <coalition@example.org>",
                "from: coalition@example.org, partners@example.org"));
        SendRun from = SendRun.of(send());

        assertThat(unquoted.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(unquoted.err()).contains("invalid address 'Doe, Jane <jane@example.org>'")
                .doesNotContain("repeat the option");
        assertThat(quoted.exitCode()).as(quoted.toString()).isEqualTo(ExitCode.OK.code());
        assertThat(from.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(from.err()).contains("from: invalid address 'coalition@example.org, partners@example.org'")
                .contains("one sender: write one address").doesNotContain("write a list");
    }

    @Test
    void sendingNeedsAHost() throws Exception {
        impersonal();
        Files.writeString(dir.resolve("signon.properties"), "# nothing yet\n");

        SendRun run = SendRun.of(send("--send"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(run.err()).contains("no SMTP server");
    }

    /**
     * Where no journal can have been lost, a missing server is said before the messages are
     * composed and rendered (minutes of PDFs for a large --contacts run): an address that only
     * composing reads (--to) is not looked at yet.
     */
    @Test
    void sendingWithoutAHostStopsBeforeComposingTheMessages() throws Exception {
        impersonal();
        Files.writeString(dir.resolve("signon.properties"), "# nothing yet\n");

        SendRun run = SendRun.of(send("--send", "--to", "not an address"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(run.err()).startsWith("signon: no SMTP server");
    }

    @Test
    void aTypoInTheConfigurationIsAConfigError() throws Exception {
        impersonal();
        Files.writeString(dir.resolve("signon.properties"), "smtp.host=127.0.0.1\nsmtp.hots=127.0.0.1\n");

        SendRun run = SendRun.of(send());

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(run.err()).contains("signon.properties:2: unknown key 'smtp.hots'");
    }

    @Test
    void aUsernameNeedsAPasswordFromTheEnvironmentOrTheConsole() throws Exception {
        impersonal();
        Files.writeString(dir.resolve("signon.properties"), "smtp.username = organizer\n", java.nio.file.StandardOpenOption.APPEND);

        SendRun noConsole = SendRun.of(send("--send"));
        assertThat(noConsole.exitCode()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(noConsole.err()).contains("there is no password, and no terminal to ask for it on: set"
                + " SIGNON_SMTP_PASSWORD, or run signon in the foreground of a terminal (not with '&', nor from cron,"
                + " CI or setsid) to be asked");

        SendRun nothingTyped = SendRun.of(Map.of(), prompt -> Optional.of(new char[0]), send("--send"));
        assertThat(nothingTyped.exitCode()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(nothingTyped.err()).contains("no password was typed for organizer").doesNotContain("on a terminal");

        SendRun prompted = SendRun.of(Map.of(), prompt -> Optional.of("right-password".toCharArray()), send("--send"));
        assertThat(prompted.exitCode()).as(prompted.toString()).isZero();

        SendRun wrong = SendRun.of(Map.of("SIGNON_SMTP_PASSWORD", "wrong-password"), send("--send", "--resend"));
        assertThat(wrong.exitCode()).isEqualTo(ExitCode.PERMISSION.code());
        assertThat(wrong.err()).doesNotContain("wrong-password");
        assertThat(wrong.err().lines().filter(line -> line.startsWith("signon: ")))
                .singleElement().asString().startsWith("signon: SMTP server 127.0.0.1:")
                .contains("refused the login for 'organizer'");
        assertThat(wrong.err()).as("no progress before the login").doesNotContain("sending ");
    }

    @Test
    void aUsernameWithAServerThatOffersNoLoginSendsNothingAndExits77() throws Exception {
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort()).hideAuth()) {
            writeConfig(proxy.port());
            Path config = dir.resolve("signon.properties");
            Files.writeString(config, "smtp.username = organizer\n", java.nio.file.StandardOpenOption.APPEND);

            SendRun run = SendRun.of(Map.of("SIGNON_SMTP_PASSWORD", "right-password"),
                    send("--contacts", contacts.toString(), "--send"));

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PERMISSION.code());
            assertThat(run.err().lines().filter(line -> line.startsWith("signon: "))).singleElement()
                    .isEqualTo("signon: SMTP server 127.0.0.1:" + proxy.port()
                    + " does not offer authentication (no AUTH in its EHLO reply), but smtp.username 'organizer' is set ("
                    + config + ":5): not sending without logging in (many servers offer it only over TLS: try"
                    + " smtp.security=starttls)");
            assertThat(proxy.messages()).isZero();
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(Files.readAllLines(journal())).as("the header only").hasSize(1);
    }

    @Test
    void aServerThatRequiresALoginStopsAtTheFirstMessageAndTheNextRunSendsThemAll() throws Exception {
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort())
                .replyToMail(1, "530 5.7.0 Authentication required")) {
            writeConfig(proxy.port());

            SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--send"));

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.PERMISSION.code());
            String error = "signon: SMTP server 127.0.0.1:" + proxy.port() + " requires a login (server replied 530 5.7.0"
                    + " Authentication required); smtp.username is not set: set it, and SIGNON_SMTP_PASSWORD or type the"
                    + " password when asked; no further message was attempted";
            assertThat(run.err().lines().filter(line -> line.startsWith("signon: "))).containsExactly(error);
            assertThat(run.out()).contains("Sent 0 messages", "Failed: 1",
                    "#1 juergen@example.com", ": server replied 530 5.7.0 Authentication required",
                    "Not attempted (SMTP server 127.0.0.1:" + proxy.port() + " requires a login", "#2 jane@example.com");
            assertThat(proxy.messages()).as("one message begun").isEqualTo(1);
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        List<String> rows = Files.readAllLines(journal()).stream().skip(1).toList();
        assertThat(rows).as("message 1 begun and not delivered; message 2 not in the journal").hasSize(2)
                .allSatisfy(row -> assertThat(row).endsWith(",juergen@example.com"));
        assertThat(rows).extracting(row -> row.split(",")[1]).containsExactly("sending", "failed");

        writeConfig(greenMail.getSmtp().getPort());
        SendRun next = SendRun.of(send("--contacts", contacts.toString(), "--send"));

        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.out()).contains("Sent 2 messages");
        assertThat(receivedBy("juergen@example.com")).hasSize(1);
        assertThat(receivedBy("jane@example.com")).hasSize(1);
    }

    @Test
    void anUnreachableServerIsUnavailable() throws Exception {
        impersonal();
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        writeConfig(closed);

        SendRun run = SendRun.of(send("--send"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(run.err()).contains("cannot connect to SMTP server 127.0.0.1:" + closed);
        assertThat(journal()).exists();
        assertThat(Files.readAllLines(journal())).hasSize(1);
    }

    @Test
    void jsonSummaryForScripts() throws Exception {
        SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--send", "--json"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, Object> json = JSON.std.mapFrom(run.out());
        assertThat(json).containsEntry("dry_run", false).containsEntry("complete", true)
                .containsEntry("messages", 2).containsEntry("sent", 2).containsEntry("skipped", 0)
                .containsEntry("failed", 0).containsEntry("uncertain", 0).containsEntry("addresses", 4)
                .containsEntry("stopped", "").containsKeys("journal", "would_send", "skipped_uncertain",
                        "skipped_changed", "not_attempted");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) json.get("results");
        assertThat(results.get(1)).containsEntry("status", "sent").containsEntry("to", List.of("jane@example.com"));
    }

    @Test
    void optionsThatContradictEachOtherAreUsageErrors() throws Exception {
        impersonal();
        assertThat(SendRun.of(send("--contacts", contacts.toString(), "--to", "x@example.org")).exitCode())
                .isEqualTo(ExitCode.USAGE.code());
        assertThat(SendRun.of(send("--send", "--eml-dir", dir.toString())).exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(SendRun.of(send("--limit", "0")).exitCode()).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void resendAndResendToTogetherAreAUsageError() {
        SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--send", "--resend", "--resend-to", "jane@example.com"));

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("--resend-to");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(journal()).doesNotExist();
    }

    @Test
    void theSignersContactDetailsNeverReachAMessage() throws Exception {
        SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--send"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(6);
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            message.writeTo(raw);
            assertThat(raw.toString(StandardCharsets.UTF_8)).doesNotContain("pat.private").doesNotContain("Sam Secret");
        }
    }

    @Test
    void anUncertainMessageIsReportedAndNotResentUntilAskedTo() throws Exception {
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort()).dropAfterDot(1)) {
            writeConfig(proxy.port());

            SendRun first = SendRun.of(send("--contacts", contacts.toString(), "--send"));

            assertThat(first.exitCode()).as("running again would not send it: not 75").isEqualTo(ExitCode.HELD_BACK.code());
            assertThat(first.out()).contains("Sent 1 message to 3 addresses.")
                    .contains("Uncertain (may have been delivered; check, then use --resend-to ADDRESS): 1")
                    .contains("#1 juergen@example.com <");
            assertThat(first.err()).contains("signon: 1 message is held back (uncertain, or changed since sent); "
                    + "running again changes nothing: check the summary, then use --resend-to ADDRESS");

            SendRun preview = SendRun.of(send("--contacts", contacts.toString()));

            assertThat(preview.exitCode()).as(preview.toString()).isEqualTo(ExitCode.HELD_BACK.code());
            assertThat(preview.err()).contains("signon: 1 message would be held back");

            SendRun second = SendRun.of(send("--contacts", contacts.toString(), "--send"));

            assertThat(second.exitCode()).isEqualTo(ExitCode.HELD_BACK.code());
            assertThat(second.out()).contains("Skipped 1: already sent with the same content.")
                    .contains("uncertain: may have been delivered")
                    .contains("check, then use --resend-to juergen@example.com");
            assertThat(receivedBy("juergen@example.com")).as("the server did get it, once").hasSize(1);

            SendRun resend = SendRun.of(send("--contacts", contacts.toString(), "--send", "--resend-to", "juergen@example.com"));

            assertThat(resend.exitCode()).as(resend.toString()).isZero();
            assertThat(resend.out()).contains("Sent 1 message").contains("Skipped 1");
            assertThat(receivedBy("juergen@example.com")).hasSize(2);
            assertThat(receivedBy("jane@example.com")).as("only the uncertain one went again").hasSize(1);

            assertThat(SendRun.of(send("--contacts", contacts.toString(), "--resend-to", "nobody@example.com")).exitCode())
                    .isEqualTo(ExitCode.USAGE.code());
        }
    }

    @Test
    void aRecipientWhoGotAnotherVersionIsHeldBackUntilAskedTo() throws Exception {
        assertThat(SendRun.of(send("--contacts", contacts.toString(), "--send")).exitCode()).isZero();
        Files.writeString(letter, Files.readString(letter).replace("ask you to stop.", "ask you to stop now."));

        SendRun again = SendRun.of(send("--contacts", contacts.toString(), "--send"));

        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.HELD_BACK.code());
        assertThat(again.err()).contains("signon: 2 messages are held back");
        assertThat(receivedBy("jane@example.com")).hasSize(1);

        SendRun resend = SendRun.of(send("--contacts", contacts.toString(), "--send", "--resend-to", "jane@example.com"));

        assertThat(resend.exitCode()).as("juergen is still held back").isEqualTo(ExitCode.HELD_BACK.code());
        assertThat(receivedBy("jane@example.com")).hasSize(2);
        assertThat(receivedBy("juergen@example.com")).hasSize(1);
    }

    @Test
    void failedAndHeldBackTogetherExit75BecauseRunningAgainTriesTheFailedOne() throws Exception {
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort()).dropAfterDot(1)
                .rejectRecipient("jane@example.com", "550 5.1.1 <jane@example.com>: Recipient address rejected")) {
            writeConfig(proxy.port());

            SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--send"));

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.TEMPORARY.code());
            assertThat(run.out()).contains("Uncertain").contains("Failed: 1");
            assertThat(run.err()).contains("signon: 1 message was not sent; see the summary, then run again");
        }
    }

    @Test
    void aBatchCutOffMidwayIsCompletedByTheNextRunWithEveryContactOnce() throws Exception {
        StringBuilder rows = new StringBuilder("name,email,title\n");
        for (int i = 1; i <= 8; i++) {
            rows.append("Contact ").append(i).append(",contact").append(i).append("@example.com,Member\n");
        }
        Files.writeString(contacts, rows);
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort()).refuseAfter(3)) {
            writeConfig(proxy.port());

            SendRun first = SendRun.of(send("--contacts", contacts.toString(), "--send"));

            assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCode.TEMPORARY.code());
            assertThat(first.out()).contains("Sent 3 messages").contains("Not attempted (cannot connect");

            proxy.accept();
            SendRun second = SendRun.of(send("--contacts", contacts.toString(), "--send"));

            assertThat(second.exitCode()).as(second.toString()).isZero();
            assertThat(second.out()).contains("Sent 5 messages").contains("Skipped 3");
        }
        for (int i = 1; i <= 8; i++) {
            assertThat(receivedBy("contact" + i + "@example.com")).as("contact " + i).hasSize(1);
        }
        assertThat(receivedBy("archive@example.org")).hasSize(8);
    }

    @Test
    void aRecipientTheServerRefusesFailsAloneAndTheRunSaysSo() throws Exception {
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort())
                .rejectRecipient("juergen@example.com", "550 5.1.1 <juergen@example.com>: Recipient address rejected")) {
            writeConfig(proxy.port());

            SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--send"));

            assertThat(run.exitCode()).isEqualTo(ExitCode.TEMPORARY.code());
            assertThat(run.out()).contains("Failed: 1").contains("server refused juergen@example.com: 550 5.1.1");
        }
        assertThat(receivedBy("juergen@example.com")).isEmpty();
        assertThat(receivedBy("jane@example.com")).hasSize(1);
    }

    @Test
    void aJournalReSavedInASpreadsheetStillKeepsEveryContactToOneMessage() throws Exception {
        SendRun first = SendRun.of(send("--contacts", contacts.toString(), "--send"));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        resaveJournalAsASpreadsheetWould();
        Files.writeString(contacts, "Riley Example,riley@example.com,Chair\r\n", StandardOpenOption.APPEND);

        SendRun second = SendRun.of(send("--contacts", contacts.toString(), "--send"));

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("Sent 1 message").contains("Skipped 2");
        SendRun third = SendRun.of(send("--contacts", contacts.toString(), "--send"));

        assertThat(third.exitCode()).as(third.toString()).isZero();
        assertThat(third.out()).contains("Nothing to send").contains("Skipped 3");
        for (String contact : List.of("juergen@example.com", "jane@example.com", "riley@example.com")) {
            assertThat(receivedBy(contact)).as(contact).hasSize(1);
        }
    }

    /**
     * The journal as Excel or LibreOffice saves "CSV UTF-8": a byte-order mark, CRLF, every field
     * quoted; here also columns moved (message_id where signon writes subject), one added, and no
     * final line end.
     */
    private void resaveJournalAsASpreadsheetWould() throws Exception {
        List<String> order = List.of("checked", "time", "status", "subject", "message_id", "recipients", "content_hash", "to");
        List<String> lines = new java.util.ArrayList<>();
        lines.add(quoted(order));
        try (CSVParser parser = CSVParser.parse(journal(), StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord row : parser) {
                lines.add(quoted(order.stream().map(column -> column.equals("checked") ? "yes" : row.get(column)).toList()));
            }
        }
        Files.writeString(journal(), "\uFEFF" + String.join("\r\n", lines));
    }

    private static String quoted(List<String> cells) {
        return String.join(",", cells.stream().map(cell -> "\"" + cell.replace("\"", "\"\"") + "\"").toList());
    }

    @Test
    void aLimitedRunAgainSaysTheContactsAfterTheLimitWereLeftOutNotThatEveryoneHasTheLetter() throws Exception {
        SendRun first = SendRun.of(send("--contacts", contacts.toString(), "--send", "--limit", "1"));
        assertThat(first.exitCode()).as(first.toString()).isZero();

        SendRun again = SendRun.of(send("--contacts", contacts.toString(), "--send", "--limit", "1"));

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Nothing to send");
        assertThat(again.err()).contains("signon: --limit 1: this run took the first 1 of 2 messages; the other 1 was left out (a --limit run takes the first N whatever"
                + " was sent before: raise N, or run without --limit, to reach it)");
        assertThat(receivedBy("jane@example.com")).isEmpty();
        SendRun all = SendRun.of(send("--contacts", contacts.toString(), "--send"));
        assertThat(all.err()).doesNotContain("--limit");
        assertThat(receivedBy("jane@example.com")).hasSize(1);
        assertThat(receivedBy("juergen@example.com")).hasSize(1);
    }

    @Test
    void sendingSavesTheSignerListAsSentForDiffWithoutContactDetails() throws Exception {
        SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--send"));
        assertThat(run.exitCode()).as(run.toString()).isZero();

        Path snapshot = dir.resolve("letters/letter.sent-signers.csv");
        assertThat(Files.readString(snapshot)).contains("Example Tenants Union").doesNotContain("pat.private")
                .doesNotContain("Pat Private");
        SendRun diff = SendRun.of("diff", letter.toString());
        assertThat(diff.exitCode()).as(diff.toString()).isZero();
        assertThat(diff.out()).contains("no changes");
    }

    @Test
    void aTestSendToAnotherAddressKeepsTheSnapshotOfTheCampaign() throws Exception {
        impersonal();
        assertThat(SendRun.of(send("--send")).exitCode()).isZero();
        Path snapshot = dir.resolve("letters/letter.sent-signers.csv");
        String campaign = Files.readString(snapshot);
        Files.writeString(dir.resolve("signers.csv"), SIGNERS + "Example Newcomers,Reno,NV,State and Local Organizations,,,Yes\n");

        SendRun run = SendRun.of(send("--to", "Test Inbox <inbox@example.org>", "--send"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(receivedBy("inbox@example.org")).hasSize(1);
        assertThat(Files.readString(snapshot)).isEqualTo(campaign);
    }

    @Test
    void aTestSendWithToSaysBeforeSendingThatTheLettersCcAndBccGetItToo() throws Exception {
        impersonal();
        String note = "signon: note: --to replaces only the front matter's 'to': its cc partners@example.org"
                + " and bcc archive@example.org";

        SendRun preview = SendRun.of(send("--to", "Test Inbox <inbox@example.org>"));
        SendRun run = SendRun.of(send("--to", "Test Inbox <inbox@example.org>", "--send"));

        assertThat(preview.err()).startsWith(note + " would get this message too\n");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).startsWith(note + " get this message too\n");
        assertThat(receivedBy("partners@example.org")).as("as documented: cc and bcc stay").hasSize(1);
        Files.writeString(letter, Files.readString(letter).replace("cc: Partner Network <partners@example.org>\n", "")
                .replace("bcc: archive@example.org\n", ""));
        assertThat(SendRun.of(send("--to", "inbox@example.org")).err()).doesNotContain("note:");
    }

    @Test
    void aFirstTestSendLeavesTheRecordThatTheLetterWasSent() throws Exception {
        impersonal();
        SendRun run = SendRun.of(send("--to", "Test Inbox <inbox@example.org>", "--send"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(dir.resolve("letters/letter.sent-signers.csv")).content().contains("Example Tenants Union");
        SendRun diff = SendRun.of("diff", letter.toString());
        assertThat(diff.out()).as(diff.toString()).contains("no changes");
    }

    @Test
    void aSnapshotThatCannotBeWrittenIsAWarningAfterTheSummary() throws Exception {
        Path snapshot = Files.createDirectories(dir.resolve("letters/letter.sent-signers.csv"));
        Files.writeString(snapshot.resolve("keep"), "a directory in the way");

        SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--send"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Sent 2 messages");
        assertThat(run.err()).contains("signon: warning: the signer list as sent was not saved").contains("letter.sent-signers.csv");
        assertThat(receivedBy("jane@example.com")).hasSize(1);
    }

    @Test
    void aDryRunToEmlFilesStopsAtAnInvalidAddressOnTheLastRowBeforeWritingOrPrintingAnything() throws Exception {
        Files.writeString(contacts, manyContacts(300) + "Bob,bob@example\n");
        Path preview = dir.resolve("preview");

        SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--eml-dir", preview.toString()));

        assertThat(run.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(run.err()).contains(contacts + ":302: ").contains("invalid address 'bob@example'");
        assertThat(run.out()).isEmpty();
        assertThat(preview).doesNotExist();
    }

    /** A contacts file of {@code n} rows, contact1@example.com to contactN@example.com. */
    private static String manyContacts(int n) {
        StringBuilder csv = new StringBuilder("name,email,title\n");
        for (int i = 1; i <= n; i++) {
            csv.append("Contact ").append(i).append(",contact").append(i).append("@example.com,Director\n");
        }
        return csv.toString();
    }

    @Test
    void aLongDryRunKeepsOrderPositionsAndTheJournalsDecisionsAcrossSlices() throws Exception {
        Path sentBefore = dir.resolve("sent-before.csv");
        Files.writeString(sentBefore, "name,email,title\nContact 500,contact500@example.com,Director\n");
        assertThat(SendRun.of(send("--contacts", sentBefore.toString(), "--send")).exitCode()).isZero();
        Files.writeString(contacts, manyContacts(600));
        Path preview = dir.resolve("preview");

        SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--eml-dir", preview.toString()));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK.code());
        List<String> lines = run.out().lines().toList();
        for (int i = 1; i <= 600; i++) {
            String file = String.format("%03d-contact%d-example-com.eml  contact%d@example.com  (", i, i, i);
            assertThat(lines.get(i - 1)).startsWith(file + (i == 500 ? "not sent: already sent with the same content" : "would send)"));
        }
        assertThat(lines.subList(600, lines.size())).containsExactly(
                "Wrote 600 .eml files to " + preview,
                "599 messages to 601 addresses would be sent. This was a dry run: add --send to send.",
                "Skipped 1: already sent with the same content.",
                "Journal: " + journal());
        try (Stream<Path> files = Files.list(preview)) {
            assertThat(files).hasSize(600);
        }
        try (InputStream in = Files.newInputStream(preview.resolve("600-contact600-example-com.eml"))) {
            MimeMessage eml = new MimeMessage(Session.getInstance(new Properties()), in);
            assertThat(plainText(eml)).contains("Dear Contact 600, Director,");
        }
    }

    @Test
    void aFileThatCannotBeWrittenStopsTheDryRunWithOneLineAndOnlyCompleteFiles() throws Exception {
        Files.writeString(contacts, manyContacts(400));
        Path preview = dir.resolve("preview");
        Path blocked = preview.resolve("300-contact300-example-com.eml");
        Files.createDirectories(blocked);
        Files.writeString(blocked.resolve("keep"), "a directory where the file should go cannot be replaced");

        SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--eml-dir", preview.toString()));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.CANT_CREATE.code());
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("signon: " + blocked + ": cannot write: ");
        assertThat(run.out()).doesNotContain("Wrote").doesNotContain("would be sent")
                .contains("400-contact400-example-com.eml  contact400@example.com  (would send)");
        List<Path> written;
        try (Stream<Path> files = Files.list(preview)) {
            written = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(written).as("files move into an existing folder in order, up to the one that cannot").hasSize(299)
                .allSatisfy(file -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        MimeMessage eml = new MimeMessage(Session.getInstance(new Properties()), in);
                        assertThat(plainText(eml)).contains("organizations ask you to stop.");
                        assertThat(Files.readString(file)).as("the closing boundary").endsWith("--\r\n");
                    } catch (Exception e) {
                        throw new AssertionError(file + ": " + e, e);
                    }
                });
        assertThat(written.get(298).getFileName()).hasToString("299-contact299-example-com.eml");
        assertThat(hiddenEntries(dir)).as("no staging folder is left").isEmpty();
    }

    @Test
    void aLetterThatFailsForALaterContactLeavesNoEmlFolder() throws Exception {
        Files.write(dir.resolve("letters/badge-north.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        Files.writeString(letter, Files.readString(letter).replace("organizations ask you to stop.",
                "organizations ask you to stop.\n\n![badge](badge-{{recipient.region}}.png)"));
        StringBuilder csv = new StringBuilder("name,email,title,region\n");
        for (int i = 1; i <= 300; i++) {
            csv.append("Contact ").append(i).append(",contact").append(i).append("@example.com,Director,")
                    .append(i == 300 ? "south" : "north").append('\n');
        }
        Files.writeString(contacts, csv);
        Path preview = dir.resolve("out/preview");

        SendRun run = SendRun.of(send("--contacts", contacts.toString(), "--eml-dir", preview.toString()));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.NO_INPUT.code());
        assertThat(run.err().lines()).singleElement().asString().contains("badge-south.png");
        assertThat(run.out()).contains("256-contact256-example-com.eml").doesNotContain("Wrote");
        assertThat(preview).as("the first slice's files were never published").doesNotExist();
        assertThat(hiddenEntries(preview.getParent())).as("no staging folder is left").isEmpty();
    }

    private static List<Path> hiddenEntries(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith(".")).toList();
        }
    }

    @Test
    void aDryRunWritesNoSnapshot() {
        SendRun run = SendRun.of(send("--contacts", contacts.toString()));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("would be sent");
        assertThat(dir.resolve("letters/letter.sent-signers.csv")).doesNotExist();
    }

    @Test
    void aSignerRowWithoutOrganizationBlocksSendingButNotThePreview() throws Exception {
        Files.writeString(dir.resolve("signers.csv"), SIGNERS + ",Boston,MA,State and Local Organizations,Lee,lee@example.net,Yes\n");

        SendRun preview = SendRun.of(send("--contacts", contacts.toString(), "-q"));
        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        assertThat(preview.err()).contains("warning: ").contains("signers.csv:4");

        SendRun sending = SendRun.of(send("--contacts", contacts.toString(), "--send"));
        assertThat(sending.exitCode()).isEqualTo(ExitCode.DATA.code());
        assertThat(sending.err()).contains("signers.csv:4: a row that signs on has no organization name");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void attachPdfAddsTheLetterAsAPdfBesideTextAndHtml() throws Exception {
        impersonal();
        Files.writeString(letter, Files.readString(letter).replace("signers: ../signers.csv", "signers: ../signers.csv\nattach: pdf"));

        SendRun run = SendRun.of(send("--send", "--to", "inbox@example.org"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        MimeMessage message = receivedBy("inbox@example.org").get(0);
        assertThat(message.getContentType()).startsWith("multipart/mixed");
        MimeMultipart mixed = (MimeMultipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("Dear colleagues,", "- Example Tenants Union (Oakland, CA)");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        Document html = Jsoup.parse((String) alternative.getBodyPart(1).getContent());
        assertThat(html.select("section.signers li").eachText())
                .containsExactly("Example Digital Rights", "Example Tenants Union (Oakland, CA)");
        BodyPart pdf = mixed.getBodyPart(1);
        assertThat(pdf.getFileName()).isEqualTo("Letter-to-Example-Cloud.pdf");
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
        try (PDDocument document = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Example Digital Rights", "Example Tenants Union");
        }
    }

    /**
     * The hash signon 88b1cbd (before this version's email images) computed for the sample
     * letter. The text and HTML of a letter without images must stay what earlier versions sent:
     * if they change, every campaign half sent with an earlier version sees its recipients as
     * "got another version" and holds them back. Change this value only with a README note.
     */
    private static final String SAMPLE_HASH_SINCE_88B1CBD = "979ee0b3251fc3a74c9eeae5eeb87796f6690c8d7db2a31345649b2b166773f2";

    @Test
    void theSampleLetterHashesAsEarlierVersionsJournaledIt() throws Exception {
        SendRun run = SendRun.of("send", "letters/hart-aws.md", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<?> results = (List<?>) JSON.std.mapFrom(run.out()).get("results");
        assertThat(results).singleElement().satisfies(result ->
                assertThat(((Map<?, ?>) result).get("content_hash")).isEqualTo(SAMPLE_HASH_SINCE_88B1CBD));
    }

    @Test
    void aLetterWithItsPdfSentOnceIsSkippedByTheNextRun() throws Exception {
        Files.writeString(letter, Files.readString(letter).replace("signers: ../signers.csv", "signers: ../signers.csv\nattach: pdf"));

        SendRun first = SendRun.of(send("--contacts", contacts.toString(), "--send"));
        SendRun second = SendRun.of(send("--contacts", contacts.toString(), "--send"));

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as("the same letter, not another version: " + second).isZero();
        assertThat(second.out()).contains("Skipped 2: already sent with the same content.");
        assertThat(receivedBy("jane@example.com")).hasSize(1);
        assertThat(pdfOf(receivedBy("jane@example.com").get(0))).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));

        Files.writeString(letter, Files.readString(letter).replace("ask you to stop.", "ask you to stop now."));
        SendRun changed = SendRun.of(send("--contacts", contacts.toString(), "--send"));

        assertThat(changed.exitCode()).as("a changed letter is another version").isEqualTo(ExitCode.HELD_BACK.code());
        assertThat(receivedBy("jane@example.com")).hasSize(1);
    }

    @Test
    void theAttachedPdfIsTheFileRenderWritesForTheSameLetter() throws Exception {
        impersonal();
        Path rendered = dir.resolve("letter.pdf");

        CliRun render = CliRun.of("render", letter.toString(), "-o", rendered.toString());
        SendRun run = SendRun.of(send("--send", "--attach-pdf", "--to", "inbox@example.org"));

        assertThat(render.exitCode()).as(render.err()).isZero();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(pdfOf(receivedBy("inbox@example.org").get(0))).isEqualTo(Files.readAllBytes(rendered));
    }

    private static byte[] pdfOf(MimeMessage message) throws Exception {
        MimeMultipart mixed = (MimeMultipart) message.getContent();
        try (InputStream in = mixed.getBodyPart(1).getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void attachPdfFlagNamesTheFileAfterANonAsciiTitleAndEmlFilesCarryTheSameParts() throws Exception {
        impersonal();
        Files.writeString(letter, Files.readString(letter).replace("title: Letter to Example Cloud", "title: Offener Brief an Müller & Söhne"));
        Path eml = dir.resolve("preview");

        SendRun preview = SendRun.of(send("--attach-pdf", "--eml-dir", eml.toString()));
        SendRun run = SendRun.of(send("--send", "--attach-pdf", "--to", "inbox@example.org"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        MimeMultipart mixed = (MimeMultipart) receivedBy("inbox@example.org").get(0).getContent();
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("Offener-Brief-an-Müller-&-Söhne.pdf");
        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        try (var files = Files.list(eml)) {
            Path file = files.findFirst().orElseThrow();
            MimeMessage fromDisk = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    Files.newInputStream(file));
            MimeMultipart parts = (MimeMultipart) fromDisk.getContent();
            assertThat(((MimeMultipart) parts.getBodyPart(0).getContent()).getContentType()).startsWith("multipart/alternative");
            assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("Offener-Brief-an-Müller-&-Söhne.pdf");
        }
    }

    @Test
    void resendToAfterAnEditSendsTheNewVersionOnceAndTheSameCommandAgainSendsNothing() throws Exception {
        impersonal();
        assertThat(SendRun.of(send("--send")).exitCode()).isZero();
        Files.writeString(letter, Files.readString(letter).replace("ask you to stop.", "ask you to stop now."));
        SendRun held = SendRun.of(send("--send"));
        assertThat(held.exitCode()).as(held.toString()).isEqualTo(ExitCode.HELD_BACK.code());
        assertThat(held.out()).contains("use --resend-to jordan@example.com");

        SendRun resend = SendRun.of(send("--send", "--resend-to", "jordan@example.com"));

        assertThat(resend.exitCode()).as(resend.toString()).isZero();
        assertThat(resend.out()).contains("Sent 1 message to 4 addresses.");
        assertThat(receivedBy("jordan@example.com")).hasSize(2);
        assertThat(greenMail.getReceivedMessages()).hasSize(8);

        SendRun preview = SendRun.of(send("--resend-to", "jordan@example.com"));

        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        assertThat(preview.out()).contains("(not sent: already sent with the same content (sent ")
                .contains("0 messages to 0 addresses would be sent.")
                .contains("Skipped 1: already sent with the same content.");
        assertThat(preview.err()).contains("signon: --resend-to jordan@example.com: would not be sent: "
                + "already sent with the same content");

        SendRun again = SendRun.of(send("--send", "--resend-to", "jordan@example.com"));

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(greenMail.getReceivedMessages()).as("nothing went out a second time").hasSize(8);
        assertThat(again.out()).contains("Nothing to send: every message was sent before.")
                .contains("Skipped 1: already sent with the same content.");
        assertThat(again.err().lines().filter(line -> line.startsWith("signon: --resend-to jordan@example.com: not sent: "
                + "already sent with the same content (sent ")).toList())
                .singleElement().asString()
                .contains("--resend-to never sends the same version twice")
                .contains("use --resend to send it again on purpose");

        SendRun json = SendRun.of(send("--send", "--resend-to", "jordan@example.com", "--json"));

        assertThat(json.exitCode()).as(json.toString()).isZero();
        Map<String, Object> summary = JSON.std.mapFrom(json.out());
        assertThat(summary).containsEntry("complete", true).containsEntry("sent", 0).containsEntry("skipped", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) summary.get("results");
        assertThat(results.get(0)).containsEntry("status", "skipped");
        assertThat((String) results.get(0).get("detail")).startsWith("already sent with the same content (sent ")
                .contains("use --resend to send it again on purpose");
        assertThat(greenMail.getReceivedMessages()).hasSize(8);
    }

    @Test
    void resendWithToSendsTheSameVersionToOneAddressAgainOnPurpose() throws Exception {
        impersonal();
        assertThat(SendRun.of(send("--send")).exitCode()).isZero();

        SendRun refused = SendRun.of(send("--send", "--resend-to", "jordan@example.com"));

        assertThat(refused.exitCode()).as(refused.toString()).isZero();
        assertThat(receivedBy("jordan@example.com")).hasSize(1);

        SendRun resend = SendRun.of(send("--send", "--resend", "--to", "Jordan Example <jordan@example.com>"));

        assertThat(resend.exitCode()).as(resend.toString()).isZero();
        assertThat(receivedBy("jordan@example.com")).hasSize(2);
        assertThat(receivedBy("sam@example.com")).hasSize(1);
        assertThat(receivedBy("partners@example.org")).as("cc and bcc get it again with it").hasSize(2);
    }

    @Test
    void anUncertainMessageResentToOnceIsNotResentByTheSameCommandAgainButResendStillSendsIt() throws Exception {
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort()).dropAfterDot(1)) {
            writeConfig(proxy.port());
            assertThat(SendRun.of(send("--contacts", contacts.toString(), "--send")).exitCode()).isEqualTo(ExitCode.HELD_BACK.code());

            SendRun resend = SendRun.of(send("--contacts", contacts.toString(), "--send", "--resend-to", "juergen@example.com"));

            assertThat(resend.exitCode()).as(resend.toString()).isZero();
            assertThat(receivedBy("juergen@example.com")).hasSize(2);

            SendRun again = SendRun.of(send("--contacts", contacts.toString(), "--send", "--resend-to", "juergen@example.com"));

            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.out()).contains("Nothing to send: every message was sent before.").contains("Skipped 2");
            assertThat(again.err()).contains("signon: --resend-to juergen@example.com: not sent: already sent with the same content");
            assertThat(receivedBy("juergen@example.com")).as("not a third time").hasSize(2);
            assertThat(receivedBy("jane@example.com")).hasSize(1);

            Path juergenOnly = dir.resolve("juergen.csv");
            Files.writeString(juergenOnly, "name,email,title\nJürgen Müller,juergen@example.com,CEO\n");
            SendRun oneRow = SendRun.of(send("--contacts", juergenOnly.toString(), "--send"));

            assertThat(oneRow.exitCode()).as("the one-row file makes the very same message").isZero();
            assertThat(oneRow.out()).contains("Nothing to send: every message was sent before.");

            SendRun onPurpose = SendRun.of(send("--contacts", juergenOnly.toString(), "--send", "--resend"));

            assertThat(onPurpose.exitCode()).as(onPurpose.toString()).isZero();
            assertThat(receivedBy("juergen@example.com")).hasSize(3);
            assertThat(receivedBy("jane@example.com")).hasSize(1);
        }
    }

}
