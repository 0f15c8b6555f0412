package org.signon.mail.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.SignonException;
import org.signon.mail.MailFixtures;
import org.signon.mail.message.OutgoingMessage;
import org.signon.mail.send.MessageResult;
import org.signon.mail.send.PlannedMessage;
import org.signon.mail.send.PlannedMessage.Decision;
import org.signon.mail.send.PlannedMessage.Resend;

class SendJournalTest {

    @TempDir
    Path dir;

    private final OutgoingMessage jane = MailFixtures.message(1, "Jane Doe <jane@example.com>", "Our letter, \"final\"", "Dear Jane,\n");
    private final OutgoingMessage bob = MailFixtures.message(2, "bob@example.com", "Our letter", "Dear Bob,\n");

    private Path file() {
        return dir.resolve("letter.sent.csv");
    }

    private void write(OutgoingMessage message, JournalStatus... statuses) {
        try (SendJournal journal = SendJournal.open(file())) {
            for (JournalStatus status : statuses) {
                journal.append(JournalEntry.of(message, status, Instant.parse("2025-03-01T10:00:00Z")));
            }
        }
    }

    private Decision decision(OutgoingMessage message) {
        return PlannedMessage.plan(List.of(message), SendJournal.read(file()), false).get(0).decision();
    }

    /** The decision when {@code --resend-to} names the message's recipient. */
    private PlannedMessage askedFor(OutgoingMessage message) {
        return PlannedMessage.plan(List.of(message), SendJournal.read(file()), m -> Resend.HELD_BACK).get(0);
    }

    /** The same content sent again under another Message-ID, as a later run does. */
    private void writeAgain(OutgoingMessage message, String messageId, JournalStatus status) {
        try (SendJournal journal = SendJournal.open(file())) {
            journal.append(new JournalEntry(Instant.parse("2025-03-02T10:00:00Z"), status, messageId,
                    message.envelope().recipientAddresses(), message.envelope().subject(), message.contentHash(),
                    message.envelope().toAddresses()));
        }
    }

    @Test
    void theJournalSitsNextToTheLetter() {
        assertThat(SendJournal.pathFor(Path.of("letters/open-letter.md"))).isEqualTo(Path.of("letters/open-letter.sent.csv"));
    }

    @Test
    void writesAHeaderAndOneCsvRowPerEvent() throws Exception {
        write(jane, JournalStatus.SENDING, JournalStatus.SENT);

        List<String> lines = Files.readAllLines(file());
        assertThat(lines.get(0)).isEqualTo("time,status,message_id,recipients,subject,content_hash,to");
        assertThat(lines.get(2)).isEqualTo("2025-03-01T10:00:00Z,sent," + jane.messageId()
                + ",jane@example.com,\"Our letter, \"\"final\"\"\"," + jane.contentHash() + ",jane@example.com");
        assertThat(decision(jane)).isEqualTo(Decision.SKIP_SENT);
        assertThat(decision(bob)).isEqualTo(Decision.SEND);
    }

    @Test
    void anIntentWithoutOutcomeMeansTheRunWasInterrupted() {
        write(jane, JournalStatus.SENDING);

        PlannedMessage planned = PlannedMessage.plan(List.of(jane), SendJournal.read(file()), false).get(0);

        assertThat(planned.decision()).isEqualTo(Decision.SKIP_UNCERTAIN);
        assertThat(planned.reason()).contains("run interrupted").contains("--resend");
    }

    @Test
    void aRefusedMessageIsNotSkipped() {
        write(jane, JournalStatus.SENDING, JournalStatus.FAILED);

        assertThat(decision(jane)).isEqualTo(Decision.SEND);
    }

    @Test
    void aTornLastLineFromACrashIsDroppedAndTheJournalStaysUsable() throws Exception {
        write(jane, JournalStatus.SENDING, JournalStatus.SENT);
        write(bob, JournalStatus.SENDING);
        Files.writeString(file(), "2025-03-01T10:00:01Z,sent,<torn", StandardOpenOption.APPEND);

        assertThat(decision(jane)).isEqualTo(Decision.SKIP_SENT);
        assertThat(decision(bob)).isEqualTo(Decision.SKIP_UNCERTAIN);

        write(bob, JournalStatus.SENDING, JournalStatus.SENT);
        assertThat(Files.readString(file(), StandardCharsets.UTF_8)).doesNotContain("<torn").endsWith("\n");
        assertThat(decision(bob)).isEqualTo(Decision.SKIP_SENT);
    }

    @Test
    void aWholeLastRowWithoutALineEndIsKeptNotTakenForATornOne() throws Exception {
        write(jane, JournalStatus.SENDING, JournalStatus.SENT);
        // An editor that saves without a final line end (VS Code does by default).
        String text = Files.readString(file(), StandardCharsets.UTF_8);
        Files.writeString(file(), text.substring(0, text.length() - 1));

        assertThat(decision(jane)).isEqualTo(Decision.SKIP_SENT);

        write(bob, JournalStatus.SENDING, JournalStatus.SENT);
        assertThat(decision(jane)).as("the last row is still there after a run appended to the file")
                .isEqualTo(Decision.SKIP_SENT);
        assertThat(decision(bob)).isEqualTo(Decision.SKIP_SENT);
        assertThat(Files.readAllLines(file())).hasSize(5);
    }

    @Test
    void aSentRowTornInsideItsLastColumnIsNotTakenForAWholeOne() throws Exception {
        write(bob, JournalStatus.SENDING, JournalStatus.SENT);
        // A crash while writing the outcome row: it stops inside the To address, the last column.
        String text = Files.readString(file(), StandardCharsets.UTF_8);
        Files.writeString(file(), text.substring(0, text.length() - "ample.com\n".length()));
        OutgoingMessage revised = MailFixtures.message(2, "bob@example.com", "Our letter", "Dear Bob, (revised)\n");

        assertThat(decision(revised)).as("bob got a version: the torn row must not hide him")
                .isEqualTo(Decision.SKIP_CHANGED);
        write(jane, JournalStatus.SENDING, JournalStatus.SENT);
        assertThat(Files.readString(file(), StandardCharsets.UTF_8)).doesNotContain("bob@ex\n");
        assertThat(decision(revised)).isEqualTo(Decision.SKIP_CHANGED);
    }

    @Test
    void aRowTornInsideAContentHashMovedToTheLastColumnDoesNotLetTheMessageGoAgain() throws Exception {
        Files.writeString(file(), "time,status,message_id,recipients,subject,to,content_hash\n");
        write(bob, JournalStatus.SENDING, JournalStatus.SENT);
        String text = Files.readString(file(), StandardCharsets.UTF_8);
        Files.writeString(file(), text.substring(0, text.length() - 20));

        assertThat(decision(bob)).as("the intent row stands: it may have been delivered")
                .isEqualTo(Decision.SKIP_UNCERTAIN);
    }

    @Test
    void aJournalSavedAsCsvUtf8WithAByteOrderMarkAndCrlfIsRead() throws Exception {
        write(jane, JournalStatus.SENDING, JournalStatus.SENT);
        String text = Files.readString(file(), StandardCharsets.UTF_8);
        Files.writeString(file(), "\uFEFF" + text.replace("\n", "\r\n"));

        assertThat(decision(jane)).isEqualTo(Decision.SKIP_SENT);

        write(bob, JournalStatus.SENDING, JournalStatus.SENT);
        assertThat(decision(jane)).isEqualTo(Decision.SKIP_SENT);
        assertThat(decision(bob)).isEqualTo(Decision.SKIP_SENT);
    }

    @Test
    void rowsAreAppendedInTheOrderOfAnEditedHeaderWithItsOwnColumnsLeftEmpty() throws Exception {
        // Columns moved and one added in a spreadsheet: message_id now where signon wrote subject.
        Files.writeString(file(), "\"note\",\"time\",\"status\",\"subject\",\"message_id\",\"recipients\",\"content_hash\",\"to\"\r\n"
                + "\"checked\",\"2025-03-01T10:00:00Z\",\"sent\",\"Our letter\",\"" + jane.messageId() + "\",\"jane@example.com\",\""
                + jane.contentHash() + "\",\"jane@example.com\"\r\n");
        OutgoingMessage carol = MailFixtures.message(3, "carol@example.com", "Our letter", "Dear Carol,\n");

        write(bob, JournalStatus.SENDING, JournalStatus.SENT);
        write(carol, JournalStatus.SENDING, JournalStatus.SENT);

        assertThat(decision(jane)).isEqualTo(Decision.SKIP_SENT);
        assertThat(decision(bob)).as("a message id read from the subject column made every row one message")
                .isEqualTo(Decision.SKIP_SENT);
        assertThat(decision(carol)).isEqualTo(Decision.SKIP_SENT);
        assertThat(Files.readAllLines(file()).get(2)).endsWith(",2025-03-01T10:00:00Z,sending,Our letter," + bob.messageId()
                + ",bob@example.com," + bob.contentHash() + ",bob@example.com");
    }

    @Test
    void blankLinesAnEditorLeftAreNoRowsAndTheLinesAfterThemKeepTheirNumbers() throws Exception {
        write(jane, JournalStatus.SENDING, JournalStatus.SENT);
        Files.writeString(file(), "\n\nyesterday,sent,<x@example.org>,a@example.com,S,abc,a@example.com\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> SendJournal.read(file())).isInstanceOfSatisfying(SignonException.class,
                e -> assertThat(e.line()).isEqualTo(6));

        String text = Files.readString(file());
        Files.writeString(file(), text.substring(0, text.indexOf("yesterday")));
        assertThat(decision(jane)).isEqualTo(Decision.SKIP_SENT);
        write(bob, JournalStatus.SENDING, JournalStatus.SENT);
        assertThat(decision(bob)).isEqualTo(Decision.SKIP_SENT);
        assertThat(decision(jane)).isEqualTo(Decision.SKIP_SENT);
    }

    @Test
    void aQuoteThatNeverEndsIsADamagedJournalNamingTheFile() throws Exception {
        write(jane, JournalStatus.SENT);
        Files.writeString(file(), "2025-03-01T10:00:00Z,sent,<x@example.org>,\"a@example.com, b@example.com,S,abc,a@example.com\n",
                StandardOpenOption.APPEND);

        assertThatThrownBy(() -> SendJournal.read(file())).isInstanceOfSatisfying(SignonException.class, e -> {
            assertThat(e.kind()).isEqualTo(SignonException.Kind.DATA);
            assertThat(e.file()).isEqualTo(file());
        });
    }

    @Test
    void aDamagedRowInTheMiddleIsAnErrorWithItsLine() throws Exception {
        write(jane, JournalStatus.SENT);
        Files.writeString(file(), "yesterday,sent,<x@example.org>,a@example.com,S,abc,a@example.com\n"
                + "2025-03-01T10:00:00Z,sent,<y@example.org>,b@example.com,S,def,b@example.com\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> SendJournal.read(file())).isInstanceOfSatisfying(SignonException.class, e -> {
            assertThat(e.kind()).isEqualTo(SignonException.Kind.DATA);
            assertThat(e.line()).isEqualTo(3);
        });
        assertThatThrownBy(() -> SendJournal.open(file())).as("no sending with a journal that cannot be trusted")
                .isInstanceOf(SignonException.class);
    }

    @Test
    void aSecondRunCannotOpenTheJournalWhileTheFirstHoldsIt() {
        try (SendJournal first = SendJournal.open(file())) {
            assertThatThrownBy(() -> SendJournal.open(file())).isInstanceOfSatisfying(SignonException.class, e -> {
                assertThat(e.kind()).isEqualTo(SignonException.Kind.TEMPORARY);
                assertThat(e.getMessage()).contains("another 'signon send'");
            });
        }
        SendJournal.open(file()).close();
    }

    @Test
    void aRecipientWhoGotAnotherVersionIsHeldBack() {
        write(jane, JournalStatus.SENDING, JournalStatus.SENT);
        OutgoingMessage revised = MailFixtures.message(1, "Jane Doe <jane@example.com>", "Our letter, \"final\"", "Dear Jane, (revised)\n");

        PlannedMessage planned = PlannedMessage.plan(List.of(revised), SendJournal.read(file()), false).get(0);

        assertThat(planned.decision()).isEqualTo(Decision.SKIP_CHANGED);
        assertThat(planned.reason()).contains("different version").contains("jane@example.com").contains("--resend");
        assertThat(PlannedMessage.plan(List.of(revised), SendJournal.read(file()), true).get(0).decision())
                .isEqualTo(Decision.SEND);
    }

    @Test
    void rowsSyncedInTheBackgroundAreInTheJournalOnceAwaitedAndCloseWaitsForTheSync() throws Exception {
        try (SendJournal journal = SendJournal.open(file())) {
            journal.append(JournalEntry.of(jane, JournalStatus.SENDING, Instant.parse("2025-03-01T10:00:00Z")));
            journal.syncInBackground().await();
            assertThat(decision(jane)).isEqualTo(Decision.SKIP_UNCERTAIN);

            journal.append(JournalEntry.of(jane, JournalStatus.SENT, Instant.parse("2025-03-01T10:00:01Z")));
            journal.syncInBackground();
        }
        assertThat(Files.readAllLines(file())).hasSize(3);
        assertThat(decision(jane)).isEqualTo(Decision.SKIP_SENT);
        SendJournal.open(file()).close();
    }

    @Test
    void noJournalYetMeansNothingWasSent() {
        assertThat(SendJournal.read(file()).rows()).isZero();
        assertThat(Files.exists(file())).isFalse();
    }

    @Test
    void resendToSendsAnUncertainOrInterruptedMessageOnceAndThenSkipsIt() {
        write(jane, JournalStatus.SENDING);
        write(bob, JournalStatus.SENDING, JournalStatus.UNCERTAIN);

        assertThat(askedFor(jane).decision()).isEqualTo(Decision.SEND);
        assertThat(askedFor(bob).decision()).isEqualTo(Decision.SEND);

        writeAgain(jane, "<again-jane@example.org>", JournalStatus.SENT);
        writeAgain(bob, "<again-bob@example.org>", JournalStatus.SENT);

        PlannedMessage again = askedFor(jane);
        assertThat(again.decision()).isEqualTo(Decision.SKIP_SENT_ASKED);
        assertThat(again.reason()).startsWith("already sent with the same content (sent 2025-03-02T10:00:00Z as <again-jane@example.org>)")
                .contains("use --resend to send it again on purpose");
        assertThat(MessageResult.notSending(again).status()).as("done: exit 0, counted as skipped").isEqualTo(MessageResult.Status.SKIPPED);
        assertThat(askedFor(bob).decision()).isEqualTo(Decision.SKIP_SENT_ASKED);
        assertThat(decision(bob)).isEqualTo(Decision.SKIP_SENT);
        assertThat(PlannedMessage.plan(List.of(bob), SendJournal.read(file()), m -> Resend.ALWAYS).get(0).decision())
                .as("--resend still sends it on purpose").isEqualTo(Decision.SEND);
    }

    @Test
    void resendToSendsANewVersionOnceToARecipientWhoGotAnother() {
        write(jane, JournalStatus.SENDING, JournalStatus.SENT);
        OutgoingMessage revised = MailFixtures.message(1, "Jane Doe <jane@example.com>", "Our letter, \"final\"", "Dear Jane, (revised)\n");

        assertThat(askedFor(revised).decision()).isEqualTo(Decision.SEND);

        writeAgain(revised, "<revised@example.org>", JournalStatus.SENT);

        assertThat(askedFor(revised).decision()).isEqualTo(Decision.SKIP_SENT_ASKED);
        assertThat(askedFor(jane).decision()).as("the first version went to her too").isEqualTo(Decision.SKIP_SENT_ASKED);
    }

    @Test
    void aDeliveryCountsWhateverHoldCameAfterIt() {
        write(jane, JournalStatus.SENDING, JournalStatus.SENT);
        writeAgain(jane, "<resent-cut-off@example.org>", JournalStatus.UNCERTAIN);

        assertThat(askedFor(jane).decision()).isEqualTo(Decision.SKIP_SENT_ASKED);
        assertThat(decision(jane)).isEqualTo(Decision.SKIP_SENT);
    }
}
