package org.signon.mail.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.signon.mail.MailFixtures.message;
import static org.signon.mail.MailFixtures.plain;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signon.SignonException;
import org.signon.mail.MailFixtures;
import org.signon.mail.journal.JournalStatus;
import org.signon.mail.journal.SendJournal;
import org.signon.mail.message.Envelope;
import org.signon.mail.message.OutgoingMessage;
import org.signon.mail.send.MessageResult.Status;
import org.signon.mail.smtp.SmtpClient;
import org.signon.mail.smtp.SmtpFaultProxy;
import org.signon.mail.smtp.SmtpSecurity;
import org.signon.mail.smtp.SmtpSettings;

class BatchSenderTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("organizer@example.org", "organizer", "right-password"));

    @TempDir
    Path dir;

    private Path journalFile() {
        return dir.resolve("letter.sent.csv");
    }

    SendReport send(SmtpSettings settings, List<OutgoingMessage> messages) {
        return send(settings, null, messages, false);
    }

    private SendReport send(SmtpSettings settings, String password, List<OutgoingMessage> messages, boolean resend) {
        try (SendJournal journal = SendJournal.open(journalFile())) {
            List<PlannedMessage> plan = PlannedMessage.plan(messages, journal.history(), resend);
            return new BatchSender(settings, password, journal, MailFixtures.NO_SLEEP, Clock.systemUTC())
                    .send(plan, SendListener.NONE);
        }
    }

    private int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** A fault proxy in front of GreenMail; {@link PipelinedBatchSenderTest} makes it offer PIPELINING. */
    SmtpFaultProxy proxy() throws IOException {
        return new SmtpFaultProxy(smtpPort());
    }

    static List<OutgoingMessage> contacts(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> message(i, "Contact " + i + " <contact" + i + "@example.com>", "Our letter",
                        "Dear Contact " + i + ",\n\nPlease read our letter.\n"))
                .toList();
    }

    /** One message's envelope to three people: contact1 (To), partner@example.net (Cc), archive (Bcc). */
    static Envelope toThree() {
        return new Envelope(MailFixtures.address("Coalition <coalition@example.org>"),
                List.of(MailFixtures.address("Contact 1 <contact1@example.com>")),
                List.of(MailFixtures.address("Partner <partner@example.net>")),
                List.of(MailFixtures.address("archive@example.org")),
                List.of(), "Our letter");
    }

    /** How many copies each address received. */
    Map<String, Long> deliveries() throws Exception {
        return Arrays.stream(greenMail.getReceivedMessages())
                .flatMap(m -> Arrays.stream(uncheckedRecipients(m)))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** GreenMail stores one copy per envelope recipient; the To header names the contact here. */
    private static String[] uncheckedRecipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getRecipients(RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress())
                    .toArray(String[]::new);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<JournalStatus> journalStatuses() throws Exception {
        return Files.readAllLines(journalFile()).stream().skip(1)
                .map(line -> JournalStatus.parse(line.split(",")[1]).orElseThrow()).toList();
    }

    @Test
    void sendsEveryMessageOverOneConnectionAndJournalsIt() throws Exception {
        try (SmtpFaultProxy proxy = proxy()) {
            SendReport report = send(plain(proxy.port()), contacts(5));

            assertThat(report.count(Status.SENT)).isEqualTo(5);
            assertThat(report.complete()).isTrue();
            assertThat(proxy.connections()).isEqualTo(1);
        }
        assertThat(deliveries()).hasSize(5).allSatisfy((address, copies) -> assertThat(copies).isEqualTo(1));
        assertThat(journalStatuses()).containsExactly(
                JournalStatus.SENDING, JournalStatus.SENT, JournalStatus.SENDING, JournalStatus.SENT,
                JournalStatus.SENDING, JournalStatus.SENT, JournalStatus.SENDING, JournalStatus.SENT,
                JournalStatus.SENDING, JournalStatus.SENT);
    }

    @Test
    void theIntentRowIsInTheJournalFileBeforeTheFinalDotReachesTheServer() throws Exception {
        AtomicReference<List<JournalStatus>> atSecondDot = new AtomicReference<>();
        try (SmtpFaultProxy proxy = proxy().atDot(2, () -> atSecondDot.set(uncheckedJournalStatuses()))) {
            SendReport report = send(plain(proxy.port()), contacts(2));

            assertThat(report.count(Status.SENT)).isEqualTo(2);
        }
        assertThat(atSecondDot.get()).containsExactly(JournalStatus.SENDING, JournalStatus.SENT, JournalStatus.SENDING);
    }

    private List<JournalStatus> uncheckedJournalStatuses() {
        try {
            return journalStatuses();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void deliversHeadersAndBodyAsBuiltWithNonAsciiNamesAndSubject() throws Exception {
        Envelope envelope = new Envelope(MailFixtures.address("Zoë Ålander <zoe@example.org>"),
                List.of(MailFixtures.address("Jürgen Müller <juergen@example.com>")),
                List.of(MailFixtures.address("Partner <partner@example.net>")),
                List.of(MailFixtures.address("archive@example.org")),
                List.of(MailFixtures.address("replies@example.org")),
                "Offener Brief: Schluss mit Überwachung");
        OutgoingMessage outgoing = message(1, envelope, "Sehr geehrter Herr Müller,\n\n— die Koalition\n");

        send(plain(smtpPort()), List.of(outgoing));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(3);
        MimeMessage copy = received[0];
        assertThat(copy.getSubject()).isEqualTo("Offener Brief: Schluss mit Überwachung");
        assertThat(copy.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(((InternetAddress) copy.getFrom()[0]).getPersonal()).isEqualTo("Zoë Ålander");
        assertThat(((InternetAddress) copy.getRecipients(RecipientType.TO)[0]).getPersonal()).isEqualTo("Jürgen Müller");
        assertThat(copy.getHeader("Cc")[0]).contains("partner@example.net");
        assertThat(copy.getHeader("Bcc")).as("Bcc is never transmitted").isNull();
        assertThat(copy.getHeader("Reply-To")[0]).contains("replies@example.org");
        assertThat(copy.getMessageID()).isEqualTo(outgoing.messageId());
        assertThat(copy.getSentDate()).isNotNull();
        assertThat(copy.getContentType()).contains("text/plain").containsIgnoringCase("charset=UTF-8");
        // GreenMail keeps the CRLF before the final "." as part of the terminator, not the body.
        assertThat(((String) copy.getContent()).replace("\r\n", "\n")).isEqualTo("Sehr geehrter Herr Müller,\n\n— die Koalition");
        assertThat(deliveries()).containsEntry("juergen@example.com", 3L);
    }

    @Test
    void retriesAfterA451AndDeliversOnce() throws Exception {
        try (SmtpFaultProxy proxy = proxy().replyToMail(1, "451 4.7.1 Try again later")) {
            SendReport report = send(plain(proxy.port()), contacts(2));

            assertThat(report.count(Status.SENT)).isEqualTo(2);
        }
        assertThat(deliveries()).containsOnly(Map.entry("contact1@example.com", 1L), Map.entry("contact2@example.com", 1L));
    }

    @Test
    void aMessageIsDatedWhenItsTurnComesNotWhileAnEarlierOneWaitsToBeRetried() throws Exception {
        Instant start = Instant.parse("2026-05-24T09:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(start);
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
        // A throttled relay: the first message waits ten minutes for its second attempt.
        try (SmtpFaultProxy proxy = proxy().replyToMail(1, "451 4.7.1 Throttled, try again later");
                SendJournal journal = SendJournal.open(journalFile())) {
            SmtpSettings settings = new SmtpSettings("127.0.0.1", proxy.port(), SmtpSecurity.NONE, "", 0,
                    Optional.empty(), "changeit", "PKCS12", Duration.ofMinutes(10), Map.of());
            List<PlannedMessage> plan = PlannedMessage.plan(contacts(2), journal.history(), false);
            SendReport report = new BatchSender(settings, null, journal, duration -> now.updateAndGet(t -> t.plus(duration)),
                    clock).send(plan, SendListener.NONE);

            assertThat(report.count(Status.SENT)).isEqualTo(2);
        }
        MimeMessage second = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> Arrays.toString(uncheckedRecipients(m)).contains("contact2@example.com")).findFirst().orElseThrow();
        assertThat(second.getSentDate().toInstant()).as("dated when it was handed to the server, ten minutes on")
                .isEqualTo(start.plus(Duration.ofMinutes(10)));
    }

    @Test
    void givesUpAfterFourAttemptsOfTemporaryFailure() throws Exception {
        try (SmtpFaultProxy proxy = proxy()) {
            for (int n = 1; n <= BatchSender.MAX_ATTEMPTS; n++) {
                proxy.replyToMail(n, "451 4.7.1 Throttled");
            }
            SendReport report = send(plain(proxy.port()), contacts(2));

            assertThat(report.results().get(0).status()).isEqualTo(Status.FAILED);
            assertThat(report.results().get(0).detail()).contains("4 attempts").contains("451 4.7.1 Throttled");
            assertThat(report.results().get(1).status()).isEqualTo(Status.SENT);
            assertThat(report.complete()).isFalse();
        }
        assertThat(deliveries()).containsOnly(Map.entry("contact2@example.com", 1L));
    }

    @Test
    void threeMessagesInARowPutOffToTheEndStopTheRunAndTheRestWaitForTheNext() throws Exception {
        String quota = "454 4.7.0 Throttling failure: Daily message quota exceeded";
        SendReport report;
        try (SmtpFaultProxy proxy = proxy()) {
            for (int i = 1; i <= 5; i++) {
                proxy.rejectRecipient("contact" + i + "@example.com", quota);
            }
            report = send(plain(proxy.port()), contacts(5));

            assertThat(proxy.messages()).as("4 attempts for each of the first three, none after")
                    .isEqualTo(BatchSender.DEFERRED_IN_A_ROW * BatchSender.MAX_ATTEMPTS);
        }
        assertThat(report.results()).extracting(MessageResult::status).containsExactly(Status.FAILED, Status.FAILED,
                Status.FAILED, Status.NOT_ATTEMPTED, Status.NOT_ATTEMPTED);
        assertThat(report.results().get(3).detail()).isEqualTo("the server put off 3 messages in a row, 4 attempts each"
                + " (last: server refused contact3@example.com: " + quota + "), as a relay does at its sending limit;"
                + " run again later");
        assertThat(report.error()).isEmpty();
        assertThat(deliveries()).isEmpty();
    }

    @Test
    void aThirdPutOffMessageThatIsTheLastStopsNothing() throws Exception {
        SendReport report;
        try (SmtpFaultProxy proxy = proxy()) {
            for (int i = 1; i <= 3; i++) {
                proxy.rejectRecipient("contact" + i + "@example.com", "451 4.3.0 Try again later");
            }
            report = send(plain(proxy.port()), contacts(3));
        }
        assertThat(report.results()).extracting(MessageResult::status).containsOnly(Status.FAILED);
        assertThat(report.stopped()).as("nothing was left out").isEmpty();
    }

    @Test
    void aMessageTheServerTakesBetweenPutOffOnesKeepsTheRunGoing() throws Exception {
        try (SmtpFaultProxy proxy = proxy()) {
            for (int i : new int[] {1, 2, 4, 5}) {
                proxy.rejectRecipient("contact" + i + "@example.com", "451 4.3.0 Try again later");
            }
            SendReport report = send(plain(proxy.port()), contacts(5));

            assertThat(report.results()).extracting(MessageResult::status).containsExactly(Status.FAILED, Status.FAILED,
                    Status.SENT, Status.FAILED, Status.FAILED);
        }
        assertThat(deliveries()).containsOnly(Map.entry("contact3@example.com", 1L));
    }

    @Test
    void a550ForOneRecipientFailsThatMessageAndTheOthersArrive() throws Exception {
        try (SmtpFaultProxy proxy = proxy()
                .rejectRecipient("contact2@example.com", "550 5.1.1 No such user")) {
            SendReport report = send(plain(proxy.port()), contacts(3));

            assertThat(report.results()).extracting(MessageResult::status)
                    .containsExactly(Status.SENT, Status.FAILED, Status.SENT);
            assertThat(report.results().get(1).detail()).contains("contact2@example.com").contains("550 5.1.1 No such user");
            assertThat(proxy.connections()).as("a refused recipient does not cost the connection").isEqualTo(1);
        }
        assertThat(deliveries()).containsOnlyKeys("contact1@example.com", "contact3@example.com");
        assertThat(journalStatuses()).containsExactly(JournalStatus.SENDING, JournalStatus.SENT,
                JournalStatus.SENDING, JournalStatus.FAILED, JournalStatus.SENDING, JournalStatus.SENT);
    }

    @Test
    void theIntentRowIsInTheJournalBeforeTheMessageStartsWithThePreviousOutcome() throws Exception {
        AtomicReference<List<JournalStatus>> atSecondMail = new AtomicReference<>();
        try (SmtpFaultProxy proxy = proxy()
                .atMail(2, () -> atSecondMail.set(uncheckedJournalStatuses()))) {
            SendReport report = send(plain(proxy.port()), contacts(2));

            assertThat(report.count(Status.SENT)).isEqualTo(2);
        }
        assertThat(atSecondMail.get()).containsExactly(JournalStatus.SENDING, JournalStatus.SENT, JournalStatus.SENDING);
    }

    @Test
    void stoppedBeforeItsFinalDotAMessageIsClosedAsNotSentAndSentNextRunNotHeldBack() throws Exception {
        List<OutgoingMessage> messages = contacts(3);
        AtomicReference<BatchSender> sender = new AtomicReference<>();
        SendReport first;
        try (SmtpFaultProxy proxy = proxy().atMail(2, () -> sender.get().shutDownNow());
                SendJournal journal = SendJournal.open(journalFile())) {
            // As Ctrl-C during message 2's envelope: its intent is on disk, its "." not yet sent.
            sender.set(new BatchSender(plain(proxy.port()), null, journal, MailFixtures.NO_SLEEP, Clock.systemUTC()));
            first = sender.get().send(PlannedMessage.plan(messages, journal.history(), false), SendListener.NONE);
        }

        assertThat(first.results()).extracting(MessageResult::status)
                .containsExactly(Status.SENT, Status.NOT_ATTEMPTED, Status.NOT_ATTEMPTED);
        assertThat(journalStatuses()).containsExactly(JournalStatus.SENDING, JournalStatus.SENT,
                JournalStatus.SENDING, JournalStatus.FAILED);
        assertThat(deliveries()).containsOnly(Map.entry("contact1@example.com", 1L));

        SendReport second = send(plain(smtpPort()), messages);

        assertThat(second.results()).extracting(MessageResult::status)
                .containsExactly(Status.SKIPPED, Status.SENT, Status.SENT);
        assertThat(deliveries()).containsOnly(Map.entry("contact1@example.com", 1L),
                Map.entry("contact2@example.com", 1L), Map.entry("contact3@example.com", 1L));
    }

    @Test
    void aMessageRefusedBeforeItsDataIsClosedAsFailedAndTriedAgainNextRunNotHeldBack() throws Exception {
        List<OutgoingMessage> messages = contacts(2);
        try (SmtpFaultProxy proxy = proxy()
                .rejectRecipient("contact2@example.com", "550 5.1.1 No such user")) {
            assertThat(send(plain(proxy.port()), messages).count(Status.FAILED)).isEqualTo(1);
        }

        SendReport second = send(plain(smtpPort()), messages);

        assertThat(second.results()).extracting(MessageResult::status).containsExactly(Status.SKIPPED, Status.SENT);
        assertThat(deliveries()).containsOnly(Map.entry("contact1@example.com", 1L), Map.entry("contact2@example.com", 1L));
    }

    @Test
    void eachAttemptOfARetriedMessageHasItsIntentAndOutcome() throws Exception {
        try (SmtpFaultProxy proxy = proxy().replyToMail(1, "451 4.7.1 Try again later").dropAtData(2)) {
            SendReport report = send(plain(proxy.port()), contacts(1));

            assertThat(report.count(Status.SENT)).isEqualTo(1);
            assertThat(proxy.connections()).isEqualTo(2);
        }
        assertThat(journalStatuses()).containsExactly(JournalStatus.SENDING, JournalStatus.FAILED,
                JournalStatus.SENDING, JournalStatus.FAILED, JournalStatus.SENDING, JournalStatus.SENT);
        assertThat(deliveries()).containsOnly(Map.entry("contact1@example.com", 1L));
    }

    @Test
    void aConnectionDroppedBeforeTheDataIsRetriedOnANewConnection() throws Exception {
        try (SmtpFaultProxy proxy = proxy().dropAtData(2)) {
            SendReport report = send(plain(proxy.port()), contacts(3));

            assertThat(report.count(Status.SENT)).isEqualTo(3);
            assertThat(proxy.connections()).isEqualTo(2);
        }
        assertThat(deliveries()).hasSize(3).allSatisfy((address, copies) -> assertThat(copies).isEqualTo(1));
    }

    @Test
    void aConnectionLostAfterTheMailFromWasAnsweredIsRetriedOnANewConnection() throws Exception {
        try (SmtpFaultProxy proxy = proxy().dropAtRecipient(2)) {
            SendReport report = send(plain(proxy.port()), contacts(3));

            assertThat(report.results()).extracting(MessageResult::status).containsOnly(Status.SENT);
            assertThat(proxy.connections()).isEqualTo(2);
        }
        assertThat(deliveries()).hasSize(3).allSatisfy((address, copies) -> assertThat(copies).isEqualTo(1));
        assertThat(journalStatuses()).containsExactly(JournalStatus.SENDING, JournalStatus.SENT, JournalStatus.SENDING,
                JournalStatus.FAILED, JournalStatus.SENDING, JournalStatus.SENT, JournalStatus.SENDING, JournalStatus.SENT);
    }

    /** A full mailbox among three recipients: every attempt stops before the data, so none of the three gets a copy. */
    @Test
    void aRecipientTemporarilyRefusedAmongSeveralRetriesTheMessageAndNoneOfThemGetsACopy() throws Exception {
        Envelope toThree = toThree();
        try (SmtpFaultProxy proxy = proxy().rejectRecipient("partner@example.net", "452-4.2.2 Mailbox full\r\n452 4.2.2 Try later")) {
            SendReport report = send(plain(proxy.port()), List.of(message(1, toThree, "Dear all,\n"), contacts(2).get(1)));

            assertThat(report.results()).extracting(MessageResult::status).containsExactly(Status.FAILED, Status.SENT);
            assertThat(report.results().get(0).detail()).contains("4 attempts").contains("partner@example.net")
                    .contains("452 4.2.2 Try later");
        }
        assertThat(deliveries()).containsOnly(Map.entry("contact2@example.com", 1L));
    }

    /**
     * RFC 5321 4.5.3.1.10: older servers answer RCPT TO with 552 for "too many recipients", so
     * clients take it as 452. Each attempt stops before the data, so nobody gets a partial copy.
     */
    @Test
    void a552ToARecipientIsRetriedAsA452AndEveryoneGetsOneCopy() throws Exception {
        SendReport report;
        try (SmtpFaultProxy proxy = proxy().rejectRecipient("archive@example.org", "552 5.5.3 Too many recipients")) {
            proxy.atMail(2, () -> proxy.acceptRecipient("archive@example.org"));
            report = send(plain(proxy.port()), List.of(message(1, toThree(), "Dear all,\n"), contacts(2).get(1)));

            assertThat(proxy.messages()).as("message 1 twice, then message 2").isEqualTo(3);
        }
        assertThat(report.results()).extracting(MessageResult::status).containsExactly(Status.SENT, Status.SENT);
        assertThat(deliveries()).as("one copy per envelope recipient of message 1, all from its second attempt")
                .containsOnly(Map.entry("contact1@example.com", 3L), Map.entry("contact2@example.com", 1L));
        assertThat(journalStatuses()).containsExactly(JournalStatus.SENDING, JournalStatus.FAILED,
                JournalStatus.SENDING, JournalStatus.SENT, JournalStatus.SENDING, JournalStatus.SENT);
    }

    /** Without an enhanced status code, or with a temporary one (RFC 3463 class 4), a 552 is put off, not refused. */
    @ParameterizedTest
    @ValueSource(strings = {"552 Too many recipients", "552 4.2.2 Mailbox full, try again later"})
    void a552ToTheOnlyRecipientIsRetriedOnTheSameConnection(String reply) throws Exception {
        SendReport report;
        try (SmtpFaultProxy proxy = proxy().rejectRecipient("contact1@example.com", reply)) {
            proxy.atMail(2, () -> proxy.acceptRecipient("contact1@example.com"));
            report = send(plain(proxy.port()), contacts(2));

            assertThat(proxy.messages()).as("message 1 twice, then message 2").isEqualTo(3);
            assertThat(proxy.connections()).isEqualTo(1);
        }
        assertThat(report.results()).extracting(MessageResult::status).containsExactly(Status.SENT, Status.SENT);
        assertThat(deliveries()).containsOnly(Map.entry("contact1@example.com", 1L), Map.entry("contact2@example.com", 1L));
    }

    @Test
    void a552ToARecipientEveryTimeGivesUpAfterFourAttemptsAndNoneOfThemGetsACopy() throws Exception {
        try (SmtpFaultProxy proxy = proxy().rejectRecipient("partner@example.net", "552 5.5.3 Too many recipients")) {
            SendReport report = send(plain(proxy.port()), List.of(message(1, toThree(), "Dear all,\n"), contacts(2).get(1)));

            assertThat(report.results()).extracting(MessageResult::status).containsExactly(Status.FAILED, Status.SENT);
            assertThat(report.results().get(0).detail()).contains("4 attempts").contains("partner@example.net")
                    .contains("552 5.5.3 Too many recipients").endsWith("(the server takes fewer recipients per message:"
                            + " spread to, cc and bcc over several letters, or send one message per contact with --contacts)");
            assertThat(proxy.messages()).isEqualTo(BatchSender.MAX_ATTEMPTS + 1);
        }
        assertThat(deliveries()).containsOnly(Map.entry("contact2@example.com", 1L));
    }

    /**
     * A server that gives an enhanced status code says what its 552 means: 5.2.2, mailbox full,
     * is no "too many recipients", and waiting seven retry delays would not empty the mailbox.
     */
    @Test
    void a552MailboxFullToARecipientFailsThatMessageAtOnceAndNoneOfItsRecipientsGetsACopy() throws Exception {
        try (SmtpFaultProxy proxy = proxy().rejectRecipient("partner@example.net", "552 5.2.2 Mailbox full")) {
            SendReport report = send(plain(proxy.port()), List.of(message(1, toThree(), "Dear all,\n"), contacts(2).get(1)));

            assertThat(report.results()).extracting(MessageResult::status).containsExactly(Status.FAILED, Status.SENT);
            assertThat(report.results().get(0).detail()).contains("partner@example.net").contains("552 5.2.2 Mailbox full")
                    .doesNotContain("attempts");
            assertThat(proxy.messages()).as("message 1 once, then message 2").isEqualTo(2);
        }
        assertThat(deliveries()).containsOnly(Map.entry("contact2@example.com", 1L));
    }

    /** A multi-line reply gives its enhanced status code on every line; the first says it. */
    @Test
    void aMultiLine552MailboxFullFailsAtOnceToo() throws Exception {
        try (SmtpFaultProxy proxy = proxy().rejectRecipient("contact1@example.com",
                "552-5.2.2 The mailbox of contact1@example.com is full\r\n552 5.2.2 Please try another address")) {
            SendReport report = send(plain(proxy.port()), contacts(2));

            assertThat(report.results()).extracting(MessageResult::status).containsExactly(Status.FAILED, Status.SENT);
            assertThat(report.results().get(0).detail()).contains("552").doesNotContain("attempts");
            assertThat(proxy.messages()).as("message 1 once, then message 2").isEqualTo(2);
        }
    }

    /** A 552 5.5.3 is "too many recipients", as RFC 5321 reads a 552 to RCPT TO: retried, also on several lines. */
    @Test
    void aMultiLine552TooManyRecipientsIsRetried() throws Exception {
        try (SmtpFaultProxy proxy = proxy().rejectRecipient("contact1@example.com",
                "552-5.5.3 Too many recipients\r\n552 5.5.3 Send the rest later")) {
            SendReport report = send(plain(proxy.port()), contacts(1));

            assertThat(report.results().get(0).detail()).startsWith("gave up after " + BatchSender.MAX_ATTEMPTS + " attempts");
            assertThat(proxy.messages()).isEqualTo(BatchSender.MAX_ATTEMPTS);
        }
    }

    /** A 552 to the final "." (message too big, storage exceeded) is about the message: it is not retried. */
    @Test
    void a552AfterTheDataFailsThatMessageWithoutRetrying() throws Exception {
        try (SmtpFaultProxy proxy = proxy().replyToDot(1, "552 5.3.4 Message size exceeds fixed maximum message size")) {
            SendReport report = send(plain(proxy.port()), contacts(2));

            assertThat(report.results()).extracting(MessageResult::status).containsExactly(Status.FAILED, Status.SENT);
            assertThat(report.results().get(0).detail()).isEqualTo(
                    "server replied 552 5.3.4 Message size exceeds fixed maximum message size");
            assertThat(proxy.messages()).as("message 1 once, then message 2").isEqualTo(2);
            assertThat(proxy.connections()).isEqualTo(1);
        }
        assertThat(deliveries()).containsOnly(Map.entry("contact2@example.com", 1L));
        assertThat(journalStatuses()).containsExactly(JournalStatus.SENDING, JournalStatus.FAILED,
                JournalStatus.SENDING, JournalStatus.SENT);
    }

    @Test
    void aConnectionLostAfterTheDataIsUncertainAndNeverResentAutomatically() throws Exception {
        try (SmtpFaultProxy proxy = proxy().dropAfterDot(2)) {
            SendReport first = send(plain(proxy.port()), contacts(3));

            assertThat(first.results()).extracting(MessageResult::status)
                    .containsExactly(Status.SENT, Status.UNCERTAIN, Status.SENT);
            assertThat(first.summary()).anySatisfy(line -> assertThat(line).contains("check, then use --resend"));
            assertThat(journalStatuses()).contains(JournalStatus.UNCERTAIN);

            SendReport second = send(plain(proxy.port()), contacts(3));

            assertThat(second.results()).extracting(MessageResult::status)
                    .containsExactly(Status.SKIPPED, Status.SKIPPED_UNCERTAIN, Status.SKIPPED);
            assertThat(second.results().get(1).detail()).contains("may have been delivered").contains("--resend");
            assertThat(second.complete()).isFalse();
        }
        assertThat(deliveries()).as("the server did get message 2, once")
                .hasSize(3).allSatisfy((address, copies) -> assertThat(copies).isEqualTo(1));
    }

    @Test
    void resendSendsAnUncertainMessageOnPurpose() throws Exception {
        List<OutgoingMessage> one = contacts(1);
        try (SmtpFaultProxy proxy = proxy().dropAfterDot(1)) {
            assertThat(send(plain(proxy.port()), one).count(Status.UNCERTAIN)).isEqualTo(1);

            SendReport resent = send(plain(proxy.port()), null, one, true);

            assertThat(resent.count(Status.SENT)).isEqualTo(1);
        }
        assertThat(deliveries()).containsOnly(Map.entry("contact1@example.com", 2L));
    }

    @Test
    void aJournalThatCannotBeWrittenMidRunStopsTheRunAndKeepsWhatWasSent() throws Exception {
        List<OutgoingMessage> messages = contacts(3);
        SendReport report;
        try (SendJournal journal = SendJournal.open(journalFile())) {
            List<PlannedMessage> plan = PlannedMessage.plan(messages, journal.history(), false);
            // Closing the journal's file after the first message makes the next write really fail.
            SendListener closesJournal = new SendListener() {
                @Override
                public void finished(MessageResult result) {
                    journal.close();
                }
            };
            report = new BatchSender(plain(smtpPort()), null, journal, MailFixtures.NO_SLEEP, Clock.systemUTC())
                    .send(plan, closesJournal);
        }

        assertThat(report.results()).extracting(MessageResult::status)
                .containsExactly(Status.SENT, Status.NOT_ATTEMPTED, Status.NOT_ATTEMPTED);
        assertThat(report.error()).get().extracting(SignonException::kind).isEqualTo(SignonException.Kind.IO);
        assertThat(report.stopped()).contains("cannot write send journal");
        assertThat(report.summary()).contains("Sent 1 message to 1 address.");
        assertThat(deliveries()).containsOnly(Map.entry("contact1@example.com", 1L));
        assertThat(journalStatuses()).containsExactly(JournalStatus.SENDING, JournalStatus.SENT);
    }

    @Test
    void aBatchCutOffMidwayCompletesOnTheNextRunWithEveryContactOnce() throws Exception {
        List<OutgoingMessage> messages = contacts(6);
        try (SmtpFaultProxy proxy = proxy().refuseAfter(3)) {
            SendReport first = send(plain(proxy.port()), messages);

            assertThat(first.count(Status.SENT)).isEqualTo(3);
            assertThat(first.count(Status.NOT_ATTEMPTED)).isEqualTo(3);
            assertThat(first.stopped()).contains("cannot connect");
            assertThat(first.complete()).isFalse();

            proxy.accept();
            SendReport second = send(plain(proxy.port()), messages);

            assertThat(second.count(Status.SKIPPED)).isEqualTo(3);
            assertThat(second.count(Status.SENT)).isEqualTo(3);
            assertThat(second.complete()).isTrue();
        }
        assertThat(deliveries()).hasSize(6).allSatisfy((address, copies) -> assertThat(copies).isEqualTo(1));
    }

    @Test
    void aSecondRunSkipsWhatWasSentAndResendSendsAgain() throws Exception {
        List<OutgoingMessage> messages = contacts(2);
        send(plain(smtpPort()), messages);

        SendReport again = send(plain(smtpPort()), messages);
        assertThat(again.count(Status.SKIPPED)).isEqualTo(2);
        assertThat(again.summary().get(0)).isEqualTo("Nothing to send: every message was sent before.");
        assertThat(again.complete()).isTrue();

        SendReport resent = send(plain(smtpPort()), null, messages, true);
        assertThat(resent.count(Status.SENT)).isEqualTo(2);
        assertThat(deliveries()).containsOnly(Map.entry("contact1@example.com", 2L), Map.entry("contact2@example.com", 2L));
    }

    @Test
    void aRefusedLoginIsAPermissionErrorAndNothingIsSent() {
        SmtpSettings settings = MailFixtures.withUser(plain(smtpPort()), "organizer");

        assertThatThrownBy(() -> send(settings, "wrong-password", contacts(1), false))
                .isInstanceOfSatisfying(SignonException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SignonException.Kind.PERMISSION);
                    assertThat(e.getMessage()).contains("refused the login for 'organizer'").doesNotContain("wrong-password");
                });
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void logsInWithTheRightPassword() {
        SmtpSettings settings = MailFixtures.withUser(plain(smtpPort()), "organizer");

        assertThat(send(settings, "right-password", contacts(1), false).count(Status.SENT)).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anUnreachableServerIsUnavailable() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> send(plain(closedPort), contacts(1)))
                .isInstanceOfSatisfying(SignonException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SignonException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("cannot connect to SMTP server 127.0.0.1:" + closedPort);
                });
    }

    @Test
    void starttlsRequiredButNotOfferedFailsBeforeAnythingIsSent() {
        SmtpSettings settings = MailFixtures.settings(smtpPort(), SmtpSecurity.STARTTLS, java.util.Optional.empty());

        assertThatThrownBy(() -> send(settings, contacts(1)))
                .isInstanceOfSatisfying(SignonException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SignonException.Kind.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("does not offer STARTTLS");
                });
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aUsernameWithAServerThatOffersNoLoginIsRefusedBeforeAnythingIsSent() throws Exception {
        assertLoginRefusedBeforeAnythingIsSent(proxy().hideAuth(),
                " does not offer authentication (no AUTH in its EHLO reply), but smtp.username"
                        + " 'organizer' is set: not sending without logging in (many servers offer it only"
                        + " over TLS: try smtp.security=starttls)");
    }

    @Test
    void aServerOfferingOnlyLoginMethodsSignonCannotUseSaysSoInsteadOfBlamingThePassword() throws Exception {
        assertLoginRefusedBeforeAnythingIsSent(proxy().offerAuth("CRAM-MD5 GSSAPI"),
                " offers logins only by CRAM-MD5 GSSAPI, none of which signon can use (it logs in"
                        + " with LOGIN, PLAIN, DIGEST-MD5 or NTLM): nothing was sent; ask the provider for"
                        + " its SMTP settings for a password (or app password) login");
    }

    /** With smtp.username set, {@code proxy}'s server is refused with "SMTP server HOST:PORT" + {@code why}. */
    private void assertLoginRefusedBeforeAnythingIsSent(SmtpFaultProxy fault, String why) throws Exception {
        try (SmtpFaultProxy proxy = fault) {
            SmtpSettings settings = MailFixtures.withUser(plain(proxy.port()), "organizer");

            assertThatThrownBy(() -> send(settings, "right-password", contacts(2), false))
                    .isInstanceOfSatisfying(SignonException.class, e -> {
                        assertThat(e.kind()).isEqualTo(SignonException.Kind.PERMISSION);
                        assertThat(e.getMessage()).isEqualTo("SMTP server 127.0.0.1:" + proxy.port() + why);
                    });
            assertThat(proxy.messages()).as("no MAIL FROM").isZero();
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(journalStatuses()).isEmpty();
    }

    @Test
    void withoutAUsernameAServerThatOffersNoLoginIsFine() throws Exception {
        try (SmtpFaultProxy proxy = proxy().hideAuth()) {
            assertThat(send(plain(proxy.port()), contacts(1)).count(Status.SENT)).isEqualTo(1);
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aServerThatStopsOfferingALoginWhenReconnectedStopsTheRunWithAPermissionError() throws Exception {
        SendReport report;
        try (SmtpFaultProxy proxy = proxy().dropAtData(2)) {
            proxy.atMail(2, () -> proxy.hideAuth());
            report = send(MailFixtures.withUser(plain(proxy.port()), "organizer"), "right-password", contacts(3), false);

            assertThat(proxy.connections()).isEqualTo(2);
            assertThat(proxy.messages()).as("nothing after the reconnect").isEqualTo(2);
        }

        assertThat(report.results()).extracting(MessageResult::status)
                .containsExactly(Status.SENT, Status.NOT_ATTEMPTED, Status.NOT_ATTEMPTED);
        assertThat(report.error()).get().extracting(SignonException::kind).isEqualTo(SignonException.Kind.PERMISSION);
        assertThat(report.stopped()).contains("does not offer authentication");
        assertThat(deliveries()).containsOnly(Map.entry("contact1@example.com", 1L));
        assertThat(journalStatuses()).containsExactly(JournalStatus.SENDING, JournalStatus.SENT,
                JournalStatus.SENDING, JournalStatus.FAILED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"530 5.7.0 Authentication required", "534 5.7.9 Authentication mechanism is too weak",
            "535 5.7.8 Authentication credentials invalid"})
    void aServerThatRequiresALoginStopsTheRunAtTheFirstMessage(String reply) throws Exception {
        SendReport report;
        try (SmtpFaultProxy proxy = proxy().replyToMail(1, reply)) {
            report = send(plain(proxy.port()), contacts(3));

            assertThat(proxy.messages()).as("one MAIL FROM, no other message begun").isEqualTo(1);
        }

        assertThat(report.results()).extracting(MessageResult::status)
                .containsExactly(Status.FAILED, Status.NOT_ATTEMPTED, Status.NOT_ATTEMPTED);
        assertThat(report.results().get(0).detail()).isEqualTo("server replied " + reply);
        assertThat(report.error()).get().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(SignonException.Kind.PERMISSION);
            assertThat(e.getMessage()).startsWith("SMTP server 127.0.0.1:").contains("requires a login (server replied " + reply + ")")
                    .contains("smtp.username is not set").doesNotContain("\n");
        });
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(journalStatuses()).containsExactly(JournalStatus.SENDING, JournalStatus.FAILED);

        SendReport next = send(plain(smtpPort()), contacts(3));

        assertThat(next.results()).extracting(MessageResult::status).containsOnly(Status.SENT);
    }

    @Test
    void aLoginRequiredForARecipientAlsoStopsTheRun() throws Exception {
        SendReport report;
        try (SmtpFaultProxy proxy = proxy()
                .rejectRecipient("contact1@example.com", "530 5.7.1 Client was not authenticated")) {
            report = send(plain(proxy.port()), contacts(2));
        }

        assertThat(report.results()).extracting(MessageResult::status).containsExactly(Status.FAILED, Status.NOT_ATTEMPTED);
        assertThat(report.error()).get().extracting(SignonException::getMessage).asString()
                .contains("server refused contact1@example.com: 530 5.7.1 Client was not authenticated");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatWantsStartTlsFirstSaysSo() throws Exception {
        SendReport report;
        try (SmtpFaultProxy proxy = proxy()
                .replyToMail(1, "530 5.7.0 Must issue a STARTTLS command first")) {
            report = send(plain(proxy.port()), contacts(2));
        }

        assertThat(report.error()).get().extracting(SignonException::getMessage).asString()
                .contains("set smtp.security=starttls").doesNotContain("smtp.username");
    }

    @Test
    void aStartTlsReplyUnderStartTlsAlreadyDoesNotAskToTurnItOn() {
        SmtpClient client = new SmtpClient(MailFixtures.settings(2525, SmtpSecurity.STARTTLS, java.util.Optional.empty()), null);

        assertThat(client.loginRequired("server replied 530 5.7.0 Must issue a STARTTLS command first").getMessage())
                .doesNotContain("set smtp.security=starttls").contains("smtp.username is not set");
    }

    @Test
    void aLoginThatDoesNotLetTheUserSendStopsTheRunNamingTheUser() throws Exception {
        SendReport report;
        try (SmtpFaultProxy proxy = proxy().replyToMail(1, "535 5.7.8 Authentication credentials invalid")) {
            report = send(MailFixtures.withUser(plain(proxy.port()), "organizer"), "right-password", contacts(2), false);
        }

        assertThat(report.results()).extracting(MessageResult::status).containsExactly(Status.FAILED, Status.NOT_ATTEMPTED);
        assertThat(report.error()).get().extracting(SignonException::getMessage).asString()
                .contains("did not accept the login for 'organizer'").contains("SIGNON_SMTP_PASSWORD");
    }
}
