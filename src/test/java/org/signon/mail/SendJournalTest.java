package org.signon.mail;

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
import org.signon.mail.PlannedMessage.Decision;

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
}
