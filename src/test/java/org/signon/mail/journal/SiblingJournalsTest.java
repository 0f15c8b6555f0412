package org.signon.mail.journal;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The journals of other letter files in the same folder (or git work tree), as a renamed, moved or copied letter consults them. */
class SiblingJournalsTest {

    @TempDir
    Path dir;

    private final OutgoingMessage jane = MailFixtures.message(1, "Jane Doe <jane@example.com>", "Our letter", "Dear Jane,\n");
    private final OutgoingMessage revised = MailFixtures.message(1, "Jane Doe <jane@example.com>", "Our letter",
            "Dear Jane, 12 more organizations have joined.\n");

    private Path own() {
        return dir.resolve("letter-final.sent.csv");
    }

    private Path other() {
        return dir.resolve("letter.sent.csv");
    }

    private static void write(Path file, OutgoingMessage message, JournalStatus... statuses) {
        try (SendJournal journal = SendJournal.open(file)) {
            for (JournalStatus status : statuses) {
                journal.append(JournalEntry.of(message, status, Instant.parse("2025-03-01T10:00:00Z")));
            }
        }
    }

    private PlannedMessage planned(OutgoingMessage message, Resend resend) {
        JournalHistory history = SendJournal.read(own()).withOthers(SiblingJournals.beside(own()).histories());
        return PlannedMessage.plan(List.of(message), history, m -> resend).get(0);
    }

    @Test
    void theSameContentSentFromAnotherLetterFileIsSkippedNamingThatJournal() {
        write(other(), jane, JournalStatus.SENDING, JournalStatus.SENT);

        PlannedMessage planned = planned(jane, Resend.NO);

        assertThat(planned.decision()).isEqualTo(Decision.SKIP_SENT);
        assertThat(planned.reason()).isEqualTo("already sent with the same content (recorded in " + other()
                + ": sent 2025-03-01T10:00:00Z as " + jane.messageId() + ")");
        assertThat(MessageResult.notSending(planned).otherJournal()).contains(other());
        assertThat(planned(jane, Resend.HELD_BACK).decision()).as("--resend-to: never the same version twice")
                .isEqualTo(Decision.SKIP_SENT_ASKED);
        assertThat(planned(jane, Resend.ALWAYS).decision()).isEqualTo(Decision.SEND);
    }

    @Test
    void anotherVersionInAnotherLetterFileIsAnUpdateNotAHold() {
        write(other(), jane, JournalStatus.SENDING, JournalStatus.SENT);

        assertThat(planned(revised, Resend.NO).decision()).isEqualTo(Decision.SEND);
    }

    @Test
    void uncertainInAnotherLetterFileIsHeldBackAsUncertainUntilResendTo() {
        write(other(), jane, JournalStatus.SENDING);

        PlannedMessage planned = planned(jane, Resend.NO);

        assertThat(planned.decision()).isEqualTo(Decision.SKIP_UNCERTAIN);
        assertThat(planned.reason()).startsWith("uncertain: may have been delivered (recorded in " + other() + ": attempted ")
                .contains("run interrupted");
        assertThat(planned(jane, Resend.HELD_BACK).decision()).isEqualTo(Decision.SEND);
    }

    @Test
    void aDeliveryAnywhereOutweighsAnUncertainAttemptAndTheOwnJournalSpeaksFirst() {
        write(own(), jane, JournalStatus.SENDING, JournalStatus.UNCERTAIN);
        write(other(), jane, JournalStatus.SENDING, JournalStatus.SENT);

        PlannedMessage planned = planned(jane, Resend.NO);
        assertThat(planned.decision()).isEqualTo(Decision.SKIP_SENT);
        assertThat(planned.prior().flatMap(PriorDelivery::otherJournal)).contains(other());

        write(own(), jane, JournalStatus.SENDING, JournalStatus.SENT);
        assertThat(planned(jane, Resend.NO).prior().flatMap(PriorDelivery::otherJournal)).isEmpty();
    }

    @Test
    void theLettersOwnJournalAndFilesThatAreNotJournalsAreLeftOut() throws Exception {
        write(own(), jane, JournalStatus.SENDING, JournalStatus.SENT);
        Files.writeString(dir.resolve("budget.sent.csv"), "item,amount\n\"printing, posters\",120\n");
        Files.writeString(dir.resolve("header-only.sent.csv"), "\"to\",\"time\",\"status\",\"message_id\",\"recipients\","
                + "\"subject\",\"content_hash\",\"mine\"\r\n");
        Files.writeString(dir.resolve("letter.sent-signers.csv"), "organization,city,state,country,category,row_id\n");

        SiblingJournals siblings = SiblingJournals.beside(own());

        assertThat(siblings.histories()).as("the header-only journal with moved columns is one").hasSize(1);
        assertThat(siblings.skipped()).isEmpty();
    }

    @Test
    void aSpreadsheetSavedJournalWithATornLastLineIsReadAndNotRepaired() throws Exception {
        write(other(), jane, JournalStatus.SENDING, JournalStatus.SENT);
        String text = "\uFEFF" + Files.readString(other()).replace("\n", "\r\n") + "2025-03-01T10:00:01Z,sent,<torn";
        Files.writeString(other(), text);

        assertThat(planned(jane, Resend.NO).decision()).isEqualTo(Decision.SKIP_SENT);
        assertThat(Files.readString(other(), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void aDamagedJournalIsSkippedWithItsReasonAndTheOthersStillCount() throws Exception {
        write(other(), jane, JournalStatus.SENDING, JournalStatus.SENT);
        Path broken = dir.resolve("broken.sent.csv");
        write(broken, revised, JournalStatus.SENDING, JournalStatus.SENT);
        Files.writeString(broken, "2025-03-01T10:00:00Z,sent,\"<never ends\n", StandardOpenOption.APPEND);

        SiblingJournals siblings = SiblingJournals.beside(own());

        assertThat(siblings.histories()).hasSize(1);
        assertThat(siblings.skipped()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(broken);
            assertThat(e.kind()).isEqualTo(SignonException.Kind.DATA);
            assertThat(e.getMessage()).startsWith("damaged send journal");
        });
        assertThat(planned(jane, Resend.NO).decision()).isEqualTo(Decision.SKIP_SENT);
    }

    @Test
    void inAGitWorkTreeTheJournalsOfOtherFoldersCountButHiddenFoldersAndNodeModulesAreLeftAlone() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Path moved = Files.createDirectories(dir.resolve("letters/2025")).resolve("letter.sent.csv");
        Path left = Files.createDirectories(dir.resolve("letters")).resolve("letter.sent.csv");
        write(left, jane, JournalStatus.SENDING, JournalStatus.SENT);
        write(Files.createDirectories(dir.resolve(".backup")).resolve("x.sent.csv"), revised, JournalStatus.SENT);
        write(Files.createDirectories(dir.resolve("site/node_modules/pkg")).resolve("y.sent.csv"), revised, JournalStatus.SENT);

        SiblingJournals siblings = SiblingJournals.beside(moved);
        List<PlannedMessage> plan = PlannedMessage.plan(List.of(jane, revised),
                SendJournal.read(moved).withOthers(siblings.histories()), m -> Resend.NO);

        assertThat(siblings.histories()).hasSize(1);
        assertThat(siblings.skipped()).isEmpty();
        assertThat(siblings.notSearched()).isEmpty();
        assertThat(plan.get(0).decision()).isEqualTo(Decision.SKIP_SENT);
        assertThat(plan.get(0).reason()).contains("(recorded in " + left + ": sent ");
        assertThat(plan.get(1).decision()).as("only in folders passed over").isEqualTo(Decision.SEND);
    }

    @Test
    void aJournalDeepInTheWorkTreeCountsAsOneNearItsTop() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        // ~/Documents/work/coalition/campaigns/2025/water/letters/drafts/old/letter.sent.csv in a home under git
        Path deep = Files.createDirectories(dir.resolve("Documents/work/coalition/campaigns/2025/water/letters/drafts/old"));
        write(deep.resolve("letter.sent.csv"), jane, JournalStatus.SENDING, JournalStatus.SENT);
        Path moved = Files.createDirectories(dir.resolve("letters")).resolve("letter.sent.csv");

        SiblingJournals siblings = SiblingJournals.beside(moved);
        List<PlannedMessage> plan = PlannedMessage.plan(List.of(jane),
                SendJournal.read(moved).withOthers(siblings.histories()), m -> Resend.NO);

        assertThat(plan.get(0).decision()).as(siblings.notSearched().toString()).isEqualTo(Decision.SKIP_SENT);
    }

    @Test
    void aLettersFolderLinkedFromOutsideTheWorkTreeStillReadsTheTreeItIsIn() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("campaign"));
        Files.createDirectories(repo.resolve(".git"));
        write(Files.createDirectories(repo.resolve("drafts")).resolve("letter.sent.csv"), jane, JournalStatus.SENT);
        // campaign/letters -> a shared folder outside the work tree; the letter moved from drafts/ into it.
        Files.createSymbolicLink(repo.resolve("letters"), Files.createDirectories(dir.resolve("shared")));
        Path moved = repo.resolve("letters/letter.sent.csv");

        SiblingJournals siblings = SiblingJournals.beside(moved);
        List<PlannedMessage> plan = PlannedMessage.plan(List.of(jane),
                SendJournal.read(moved).withOthers(siblings.histories()), m -> Resend.NO);

        assertThat(plan.get(0).decision()).isEqualTo(Decision.SKIP_SENT);
    }

    @Test
    void outsideAGitWorkTreeOnlyTheLettersFolderIsRead() throws Exception {
        Path moved = Files.createDirectories(dir.resolve("letters/2025")).resolve("letter.sent.csv");
        write(Files.createDirectories(dir.resolve("letters")).resolve("letter.sent.csv"), jane, JournalStatus.SENT);

        assertThat(SiblingJournals.beside(moved).histories()).isEmpty();
    }

    @Test
    void aWorkTreeTooBigToWalkIsLookedThroughInPartWithAWarning() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        for (int i = 0; i < 5; i++) {
            Files.createDirectories(dir.resolve("folder" + i));
        }

        SiblingJournals siblings = SiblingJournals.beside(own(), 3);

        assertThat(siblings.skipped()).isEmpty();
        assertThat(siblings.notSearched()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(dir.toAbsolutePath().normalize());
            assertThat(e.getMessage()).isEqualTo("holds more than 3 files and folders: looked through in part");
        });
    }

    @Test
    void aLetterInTheWorkingDirectoryListsItsSiblingsThere() {
        SiblingJournals siblings = SiblingJournals.beside(Path.of("no-such-letter.sent.csv"));

        assertThat(siblings.skipped()).isEmpty();
    }

    @Test
    void aJournalIsMissingOnlyWhenTheSnapshotSaysTheLetterWasSent() throws Exception {
        Path snapshot = dir.resolve("letter.sent-signers.csv");
        assertThat(LostJournal.check(other(), snapshot, List.of(), List.of())).isEmpty();
        Files.createDirectories(snapshot);
        assertThat(LostJournal.check(other(), snapshot, List.of(), List.of())).as("a folder in its place is no record of a send").isEmpty();
        Files.delete(snapshot);

        Files.writeString(snapshot, "organization,city,state,country,category,row_id\n");
        assertThat(LostJournal.check(other(), snapshot, List.of(), List.of())).get().satisfies(e -> {
            assertThat(e.file()).isEqualTo(other());
            assertThat(e.kind()).isEqualTo(SignonException.Kind.NO_INPUT);
            assertThat(e.getMessage()).startsWith("the send journal is missing, but " + snapshot + " says");
        });

        Files.writeString(other(), String.join(",", SendJournal.COLUMNS) + "\n");
        assertThat(LostJournal.check(other(), snapshot, List.of(), List.of())).as("a journal that holds only its header records nothing")
                .get().extracting(Throwable::getMessage).asString().startsWith("the send journal records no message, but ");
        write(other(), jane, JournalStatus.SENT);
        assertThat(LostJournal.check(other(), snapshot, List.of(), List.of())).as("a journal with a row is there").isEmpty();
    }
}
