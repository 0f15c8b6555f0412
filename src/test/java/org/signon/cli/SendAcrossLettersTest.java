package org.signon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal belongs to the letter's file name: a letter renamed, copied, or whose journal was
 * lost must still not send the same letter twice. End to end, against GreenMail on 127.0.0.1.
 */
class SendAcrossLettersTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private Path letters;
    private Path letter;
    private Path contacts;

    @BeforeEach
    void campaign() throws Exception {
        letters = Files.createDirectories(dir.resolve("letters"));
        Files.writeString(dir.resolve("signers.csv"), SendCommandTest.SIGNERS);
        letter = letters.resolve("letter.md");
        Files.writeString(letter, """
                ---
                title: Letter to Example Cloud
                from: Example Coalition <coalition@example.org>
                to: Jordan Example <jordan@example.com>
                bcc: archive@example.org
                signers: ../signers.csv
                ---
                Dear {{recipient.name}},

                {{signer_count}} organizations ask you to stop.
                """);
        contacts = dir.resolve("contacts.csv");
        Files.writeString(contacts, "name,email\nJane Doe,jane@example.com\nJuan Pérez,juan@example.com\n");
        LoopbackSmtp.config(dir, greenMail.getSmtp().getPort());
    }

    private String[] send(Path which, String... extra) {
        return LoopbackSmtp.send(which, dir, Stream.concat(Stream.of("--contacts", contacts.toString()),
                Arrays.stream(extra)).toArray(String[]::new));
    }

    private List<MimeMessage> receivedBy(String address) {
        return Received.by(greenMail, address);
    }

    private static String plainText(MimeMessage message) throws Exception {
        return (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
    }

    /** Sends the letter to both contacts and checks that each got it once. */
    private void sentOnce() {
        SendRun first = SendRun.of(send(letter, "--send"));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(receivedBy("jane@example.com")).hasSize(1);
        assertThat(receivedBy("juan@example.com")).hasSize(1);
    }

    private Path journalOf(String name) {
        return letters.resolve(name + ".sent.csv");
    }

    @Test
    void aRenamedLetterWithoutATitleSendsNobodyTheSameLetterAgainPdfAttachedOrNot() throws Exception {
        Files.writeString(letter, Files.readString(letter).replace("title: Letter to Example Cloud",
                "subject: Letter to Example Cloud\nattach: pdf"));
        sentOnce();
        Path renamed = Files.move(letter, letters.resolve("letter-final.md"));

        SendRun again = SendRun.of(send(renamed, "--send"));

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Nothing to send: every message was sent before.");
        assertThat(receivedBy("jane@example.com")).hasSize(1);
        MimeMultipart mixed = (MimeMultipart) receivedBy("jane@example.com").get(0).getContent();
        assertThat(mixed.getBodyPart(1).getFileName()).as("named after the subject, not the file")
                .isEqualTo("Letter-to-Example-Cloud.pdf");
    }

    @Test
    void aRenamedLetterSendsNobodyTheSameLetterAgain() throws Exception {
        sentOnce();
        byte[] journal = Files.readAllBytes(journalOf("letter"));
        Path renamed = Files.move(letter, letters.resolve("letter-final.md"));

        SendRun preview = SendRun.of(send(renamed));

        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        assertThat(preview.out()).contains("(not sent: already sent with the same content (recorded in "
                + journalOf("letter") + ": sent ")
                .contains("0 messages to 0 addresses would be sent.");

        SendRun again = SendRun.of(send(renamed, "--send"));

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Nothing to send: every message was sent before.")
                .contains("Skipped 2: already sent with the same content, as recorded in " + journalOf("letter")
                        + " (another letter file's journal).");
        assertThat(receivedBy("jane@example.com")).as("not a second time").hasSize(1);
        assertThat(receivedBy("juan@example.com")).hasSize(1);
        assertThat(Files.readAllBytes(journalOf("letter"))).as("nothing is written to another letter's journal")
                .isEqualTo(journal);

        SendRun json = SendRun.of(send(renamed, "--send", "--json"));

        assertThat(json.exitCode()).as(json.toString()).isZero();
        Map<String, Object> summary = JSON.std.mapFrom(json.out());
        assertThat(summary).containsEntry("complete", true).containsEntry("sent", 0).containsEntry("skipped", 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) summary.get("results");
        assertThat(results).allSatisfy(r -> assertThat((String) r.get("detail"))
                .startsWith("already sent with the same content (recorded in " + journalOf("letter") + ": sent "));
        assertThat(greenMail.getReceivedMessages()).hasSize(4);
    }

    @Test
    void aCopiedLetterSendsNobodyTheSameLetterAgain() throws Exception {
        sentOnce();
        Path copy = Files.copy(letter, letters.resolve("copy.md"));

        SendRun again = SendRun.of(send(copy, "--send"));

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Nothing to send: every message was sent before.")
                .contains("as recorded in " + journalOf("letter"));
        assertThat(greenMail.getReceivedMessages()).hasSize(4);

        SendRun original = SendRun.of(send(letter, "--send"));

        assertThat(original.exitCode()).as(original.toString()).isZero();
        assertThat(original.out()).as("its own journal speaks for the original, not the copy's")
                .contains("Skipped 2: already sent with the same content.\n");
        assertThat(greenMail.getReceivedMessages()).hasSize(4);
    }

    @Test
    void theUpdateWorkflowCopyThenNewTextSendsTheNewVersionToEveryoneOnce() throws Exception {
        sentOnce();
        Path update = Files.copy(letter, letters.resolve("letter-update.md"));

        SendRun notYetEdited = SendRun.of(send(update));

        assertThat(notYetEdited.exitCode()).as(notYetEdited.toString()).isZero();
        assertThat(notYetEdited.out()).contains("0 messages to 0 addresses would be sent.")
                .contains("as recorded in " + journalOf("letter"));

        Files.writeString(update, Files.readString(update).replace("ask you to stop.", "have now joined: please stop."));

        SendRun run = SendRun.of(send(update, "--send"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Sent 2 messages");
        assertThat(receivedBy("jane@example.com")).hasSize(2);
        assertThat(plainText(receivedBy("jane@example.com").get(1))).contains("have now joined: please stop.");
        assertThat(receivedBy("juan@example.com")).hasSize(2);

        SendRun again = SendRun.of(send(update, "--send"));

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Nothing to send: every message was sent before.")
                .contains("Skipped 2: already sent with the same content.\n");
        assertThat(greenMail.getReceivedMessages()).hasSize(8);
    }

    @Test
    void resendAfterARenameSendsAgainOnPurposeAndResendToDoesNot() throws Exception {
        sentOnce();
        Path renamed = Files.move(letter, letters.resolve("letter-final.md"));

        SendRun asked = SendRun.of(send(renamed, "--send", "--resend-to", "jane@example.com"));

        assertThat(asked.exitCode()).as(asked.toString()).isZero();
        assertThat(asked.err()).contains("signon: --resend-to jane@example.com: not sent: already sent with the same"
                + " content (recorded in " + journalOf("letter") + ": sent ")
                .contains("--resend-to never sends the same version twice: use --resend to send it again on purpose");
        assertThat(receivedBy("jane@example.com")).hasSize(1);

        SendRun resend = SendRun.of(send(renamed, "--send", "--resend"));

        assertThat(resend.exitCode()).as(resend.toString()).isZero();
        assertThat(resend.out()).contains("Sent 2 messages");
        assertThat(receivedBy("jane@example.com")).hasSize(2);
        assertThat(receivedBy("juan@example.com")).hasSize(2);
        assertThat(Files.readString(journalOf("letter-final"))).as("recorded in the renamed letter's own journal")
                .contains("jane@example.com").contains("juan@example.com");
    }

    @Test
    void whatAnotherLettersJournalLeftUncertainIsHeldBackUntilResendTo() throws Exception {
        sentOnce();
        Path journal = journalOf("letter");
        List<String> rows = Files.readAllLines(journal);
        // juan's message: the connection was lost after its end went out.
        String juanSent = rows.stream().filter(r -> r.contains(",sent,") && r.contains("juan@")).findFirst().orElseThrow();
        Files.writeString(journal, String.join("\n", rows).replace(juanSent, juanSent.replace(",sent,", ",uncertain,")) + "\n");
        Path copy = Files.copy(letter, letters.resolve("copy.md"));

        SendRun held = SendRun.of(send(copy, "--send"));

        assertThat(held.exitCode()).as(held.toString()).isEqualTo(ExitCode.HELD_BACK.code());
        assertThat(held.out()).contains("Not sent, uncertain from an earlier run: 1")
                .contains("uncertain: may have been delivered (recorded in " + journal + ": attempted ")
                .contains("check, then use --resend-to juan@example.com");
        assertThat(receivedBy("juan@example.com")).hasSize(1);

        SendRun resendTo = SendRun.of(send(copy, "--send", "--resend-to", "juan@example.com"));

        assertThat(resendTo.exitCode()).as(resendTo.toString()).isZero();
        assertThat(receivedBy("juan@example.com")).hasSize(2);
        assertThat(receivedBy("jane@example.com")).hasSize(1);
    }

    @Test
    void aLetterWhoseJournalIsGoneButWhoseSnapshotSaysItWasSentStopsBeforeSending() throws Exception {
        sentOnce();
        Path snapshot = letters.resolve("letter.sent-signers.csv");
        assertThat(snapshot).exists();
        Files.delete(journalOf("letter"));

        SendRun preview = SendRun.of(send(letter));

        assertThat(preview.exitCode()).as(preview.toString()).isEqualTo(ExitCode.HELD_BACK.code());
        String problem = journalOf("letter") + ": the send journal is missing, but " + snapshot
                + " says this letter was sent: restore the journal (from git or a backup) or, to start over on purpose,"
                + " delete " + snapshot;
        assertThat(preview.err()).isEqualTo("signon: warning: " + problem + "; until then --send stops here\n");

        SendRun stopped = SendRun.of(send(letter, "--send"));

        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.NO_INPUT.code());
        assertThat(stopped.err()).isEqualTo("signon: " + problem + "\n");
        assertThat(stopped.out()).isEmpty();
        assertThat(journalOf("letter")).as("no new, empty journal that would hide the loss").doesNotExist();
        assertThat(SendRun.of(send(letter, "--send", "--resend")).exitCode()).isEqualTo(ExitCode.NO_INPUT.code());
        assertThat(greenMail.getReceivedMessages()).as("nothing went out again").hasSize(4);

        Files.delete(snapshot);
        SendRun overOnPurpose = SendRun.of(send(letter, "--send"));

        assertThat(overOnPurpose.exitCode()).as(overOnPurpose.toString()).isZero();
        assertThat(receivedBy("jane@example.com")).hasSize(2);
    }

    @Test
    void aCloneWithoutTheJournalOrServerSettingsIsToldFirstThatTheLetterWasSent() throws Exception {
        sentOnce();
        Path snapshot = letters.resolve("letter.sent-signers.csv");
        Files.delete(journalOf("letter"));
        Files.writeString(dir.resolve("signon.properties"), "# not set up on this machine yet\n");

        SendRun stopped = SendRun.of(send(letter, "--send"));

        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.NO_INPUT.code());
        assertThat(stopped.err()).startsWith("signon: " + journalOf("letter") + ": the send journal is missing, but "
                + snapshot + " says this letter was sent");
        Files.delete(snapshot);
        SendRun unconfigured = SendRun.of(send(letter, "--send"));
        assertThat(unconfigured.exitCode()).as(unconfigured.toString()).isEqualTo(ExitCode.CONFIG.code());
        assertThat(unconfigured.err()).startsWith("signon: no SMTP server: set smtp.host");
        assertThat(greenMail.getReceivedMessages()).as("nothing went out again").hasSize(4);
    }

    @Test
    void aLetterMovedToAnotherFolderOfItsRepositorySendsNobodyTheSameLetterAgain() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        sentOnce();
        Path moved = Files.move(letter, Files.createDirectories(letters.resolve("2025")).resolve("letter.md"));
        Files.writeString(moved, Files.readString(moved).replace("../signers.csv", "../../signers.csv"));

        SendRun again = SendRun.of(send(moved, "--send"));

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Nothing to send: every message was sent before.");
        assertThat(greenMail.getReceivedMessages()).as("nothing went out again").hasSize(4);
        SendRun preview = SendRun.of(send(moved));
        assertThat(preview.out()).contains("recorded in " + journalOf("letter"));
    }

    @Test
    void aLetterMovedWithItsSnapshotButNotItsJournalNamesTheJournalLeftBehind() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        sentOnce();
        Path folder = Files.createDirectories(letters.resolve("2025"));
        Path moved = Files.move(letter, folder.resolve("letter.md"));
        Files.writeString(moved, Files.readString(moved).replace("../signers.csv", "../../signers.csv"));
        Path snapshot = Files.move(letters.resolve("letter.sent-signers.csv"), folder.resolve("letter.sent-signers.csv"));
        Path journal = folder.resolve("letter.sent.csv");

        SendRun preview = SendRun.of(send(moved));
        SendRun stopped = SendRun.of(send(moved, "--send"));

        String problem = journal + ": the send journal is missing, but " + snapshot + " says this letter was sent, and "
                + journalOf("letter") + " records both of its messages as sent: if the letter was moved from there, move"
                + " that journal beside it as " + journal + "; else restore the journal (from git or a backup) or, to"
                + " start over on purpose, delete " + snapshot;
        assertThat(preview.exitCode()).as(preview.toString()).isEqualTo(ExitCode.HELD_BACK.code());
        assertThat(preview.err()).isEqualTo("signon: warning: " + problem + "; until then --send stops here\n");
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.NO_INPUT.code());
        assertThat(stopped.err()).isEqualTo("signon: " + problem + "\n");
        assertThat(greenMail.getReceivedMessages()).as("nothing went out again").hasSize(4);

        Files.move(journalOf("letter"), journal);
        SendRun again = SendRun.of(send(moved, "--send"));

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Nothing to send: every message was sent before.");
        assertThat(greenMail.getReceivedMessages()).hasSize(4);
    }

    @Test
    void aMovedLetterGivenThroughALinkToItsRepositorySendsNobodyTheSameLetterAgain(@TempDir Path elsewhere)
            throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        sentOnce();
        Path moved = Files.move(letter, Files.createDirectories(letters.resolve("2025")).resolve("letter.md"));
        Files.writeString(moved, Files.readString(moved).replace("../signers.csv", "../../signers.csv"));
        // ~/campaign -> ~/Dropbox/campaign: the work tree's own folder is a link.
        Path link = Files.createSymbolicLink(elsewhere.resolve("campaign"), dir);

        SendRun again = SendRun.of(send(link.resolve("letters/2025/letter.md"), "--send"));

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("Nothing to send: every message was sent before.");
        assertThat(greenMail.getReceivedMessages()).as("nothing went out again").hasSize(4);
    }

    @Test
    void aJournalLostAfterATestSendWithLimitStopsTheNextSend() throws Exception {
        SendRun first = SendRun.of(send(letter, "--send", "--limit", "1"));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(receivedBy("jane@example.com")).hasSize(1);
        Path snapshot = letters.resolve("letter.sent-signers.csv");
        assertThat(snapshot).as("the first send that delivered anything leaves the record of a send").exists();
        Files.delete(journalOf("letter"));

        SendRun again = SendRun.of(send(letter, "--send"));

        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCode.NO_INPUT.code());
        assertThat(again.err()).startsWith("signon: " + journalOf("letter") + ": the send journal is missing, but " + snapshot);
        assertThat(greenMail.getReceivedMessages()).as("jane did not get it twice, juan waits").hasSize(2);
    }

    @Test
    void aJournalEmptiedToItsHeaderIsLostTooAndNothingGoesOutAgain() throws Exception {
        sentOnce();
        Path journal = journalOf("letter");
        String header = Files.readAllLines(journal).get(0);
        Files.writeString(journal, header + "\n");
        Path snapshot = letters.resolve("letter.sent-signers.csv");

        SendRun preview = SendRun.of(send(letter));
        SendRun stopped = SendRun.of(send(letter, "--send"));

        String problem = journal + ": the send journal records no message, but " + snapshot + " says this letter was sent";
        assertThat(preview.exitCode()).as(preview.toString()).isEqualTo(ExitCode.HELD_BACK.code());
        assertThat(preview.err()).startsWith("signon: warning: " + problem);
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.NO_INPUT.code());
        assertThat(stopped.err()).startsWith("signon: " + problem);
        assertThat(greenMail.getReceivedMessages()).as("nothing went out again").hasSize(4);
        assertThat(Files.readString(journal)).isEqualTo(header + "\n");
    }

    @Test
    void aCsvThatIsNotAJournalIsPassedOverAndADamagedJournalIsNamedOnceWhileTheRunGoesOn() throws Exception {
        Files.writeString(letters.resolve("notes.sent.csv"), "date,who,note\n2025-05-01,Pat,\"called, left a message\"\n");
        Files.writeString(letters.resolve("empty.sent.csv"), "");
        Files.writeString(letters.resolve("broken.sent.csv"), "time,status,message_id,recipients,subject,content_hash,to\n"
                + "2025-05-01T10:00:00Z,snet,<a@example.org>,jane@example.com,Hi,abc,jane@example.com\n");
        Files.createDirectories(letters.resolve("folder.sent.csv"));

        SendRun preview = SendRun.of(send(letter));

        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        assertThat(preview.err()).isEqualTo("signon: warning: another letter's send journal was skipped, so what it"
                + " records was not checked: " + letters.resolve("broken.sent.csv") + ":2: damaged journal row (unknown"
                + " status 'snet'); fix or delete this line, then run again\n");

        SendRun run = SendRun.of(send(letter, "--send"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err().lines().filter(l -> l.startsWith("signon: warning:"))).singleElement().asString()
                .contains("broken.sent.csv").doesNotContain("notes").doesNotContain("empty");
        assertThat(receivedBy("jane@example.com")).hasSize(1);
        assertThat(receivedBy("juan@example.com")).hasSize(1);
        assertThat(Files.readString(letters.resolve("notes.sent.csv"))).startsWith("date,who,note\n");
    }
}
