package org.signon.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.signon.SignonException;
import org.signon.mail.MailFixtures;
import org.signon.mail.journal.SendJournal;
import org.signon.mail.send.BatchSender;
import org.signon.mail.send.MessageResult.Status;
import org.signon.mail.send.PlannedMessage;
import org.signon.mail.send.SendListener;
import org.signon.mail.send.SendReport;

/**
 * TLS against real servers: GreenMail's SMTPS port, and STARTTLS terminated by the test proxy
 * (GreenMail 2.1 does not offer STARTTLS). The server certificate is the test CA's, trusted
 * only through {@code smtp.truststore}; identity is checked against 127.0.0.1.
 */
class SmtpTlsTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(new com.icegreen.greenmail.util.ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()});

    @TempDir
    Path dir;

    private SendReport send(SmtpSettings settings) {
        return send(settings, null);
    }

    private SendReport send(SmtpSettings settings, String password) {
        try (SendJournal journal = SendJournal.open(dir.resolve("letter.sent.csv"))) {
            List<PlannedMessage> plan = PlannedMessage.plan(
                    List.of(MailFixtures.message(1, "Jane Doe <jane@example.com>", "Letter", "Dear Jane,\n")),
                    journal.history(), false);
            return new BatchSender(settings, password, journal, MailFixtures.NO_SLEEP, Clock.systemUTC())
                    .send(plan, SendListener.NONE);
        }
    }

    @Test
    void sslWithTheServerCertificateTrustedThroughTheTruststore() throws Exception {
        SmtpSettings settings = MailFixtures.settings(greenMail.getSmtps().getPort(), SmtpSecurity.SSL,
                Optional.of(MailFixtures.truststore(dir)));

        assertThat(send(settings).count(Status.SENT)).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void sslWithoutTheTruststoreRefusesTheServer() {
        SmtpSettings settings = MailFixtures.settings(greenMail.getSmtps().getPort(), SmtpSecurity.SSL, Optional.empty());

        assertThatThrownBy(() -> send(settings)).isInstanceOfSatisfying(SignonException.class, e -> {
            assertThat(e.kind()).isEqualTo(SignonException.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).startsWith("TLS with SMTP server 127.0.0.1:").contains("smtp.truststore");
        });
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsWithTheServerCertificateTrustedThroughTheTruststore() throws Exception {
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort()).offerStartTls(MailFixtures.serverTls())) {
            SmtpSettings settings = MailFixtures.settings(proxy.port(), SmtpSecurity.STARTTLS,
                    Optional.of(MailFixtures.truststore(dir)));

            assertThat(send(settings).count(Status.SENT)).isEqualTo(1);
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void starttlsWithoutTheTruststoreRefusesTheServer() throws Exception {
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort()).offerStartTls(MailFixtures.serverTls())) {
            SmtpSettings settings = MailFixtures.settings(proxy.port(), SmtpSecurity.STARTTLS, Optional.empty());

            assertThatThrownBy(() -> send(settings)).isInstanceOfSatisfying(SignonException.class,
                    e -> assertThat(e.getMessage()).startsWith("TLS with SMTP server"));
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aTrustedCertificateForAnotherNameIsRefused() throws Exception {
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort()).offerStartTls(MailFixtures.wrongNameTls())) {
            SmtpSettings settings = MailFixtures.settings(proxy.port(), SmtpSecurity.STARTTLS,
                    Optional.of(MailFixtures.truststore(dir)));

            assertThatThrownBy(() -> send(settings)).isInstanceOfSatisfying(SignonException.class, e -> {
                assertThat(e.kind()).isEqualTo(SignonException.Kind.UNAVAILABLE);
                assertThat(e.getMessage()).startsWith("TLS with SMTP server 127.0.0.1").contains("No subject alternative names matching IP address 127.0.0.1");
            });
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aUsernameWithNoAuthOfferedAfterStarttlsIsRefusedBeforeAnythingIsSent() throws Exception {
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort())
                .offerStartTls(MailFixtures.serverTls()).hideAuth()) {
            SmtpSettings settings = MailFixtures.withUser(MailFixtures.settings(proxy.port(), SmtpSecurity.STARTTLS,
                    Optional.of(MailFixtures.truststore(dir))), "organizer");

            assertThatThrownBy(() -> send(settings, "right-password")).isInstanceOfSatisfying(SignonException.class, e -> {
                assertThat(e.kind()).isEqualTo(SignonException.Kind.PERMISSION);
                assertThat(e.getMessage()).startsWith("SMTP server 127.0.0.1:" + proxy.port()
                        + " does not offer authentication (no AUTH in its EHLO reply after STARTTLS), but smtp.username"
                        + " 'organizer' is set: not sending without logging in");
            });
            assertThat(proxy.messages()).isZero();
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    /**
     * RFC 3207 4.2: what the server offered before TLS (here PIPELINING and AUTH) may have been
     * put there by someone on the path; without a 250 to the EHLO after STARTTLS there is no
     * list to go on, so nothing is sent and no login is tried.
     */
    @Test
    void aRefusedEhloAfterStarttlsEndsTheConnectionBeforeAnythingIsSent() throws Exception {
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort()).offerStartTls(MailFixtures.serverTls())
                .offerPipelining().answerEhloAfterStartTls("554 5.7.0 Too many errors")) {
            SmtpSettings settings = MailFixtures.settings(proxy.port(), SmtpSecurity.STARTTLS,
                    Optional.of(MailFixtures.truststore(dir)));

            assertThatThrownBy(() -> send(settings)).isInstanceOfSatisfying(SignonException.class, e -> {
                assertThat(e.kind()).isEqualTo(SignonException.Kind.UNAVAILABLE);
                assertThat(e.getMessage()).isEqualTo("SMTP server 127.0.0.1:" + proxy.port()
                        + " did not accept EHLO after STARTTLS (554 5.7.0 Too many errors): not going on with what it"
                        + " offered before TLS, which anything on the network could have changed; no message was sent over it");
            });
            assertThat(proxy.verbs()).containsExactly("EHLO", "STARTTLS", "EHLO");
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRefusedEhloAfterStarttlsTriesNoLoginFromTheOfferBeforeTls() throws Exception {
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort()).offerStartTls(MailFixtures.serverTls())
                .offerAuth("PLAIN LOGIN").answerEhloAfterStartTls("502 5.5.1 Unrecognized command")) {
            SmtpSettings settings = MailFixtures.withUser(MailFixtures.settings(proxy.port(), SmtpSecurity.STARTTLS,
                    Optional.of(MailFixtures.truststore(dir))), "organizer");

            assertThatThrownBy(() -> send(settings, "right-password")).isInstanceOfSatisfying(SignonException.class, e -> {
                assertThat(e.kind()).isEqualTo(SignonException.Kind.UNAVAILABLE);
                assertThat(e.getMessage()).contains("did not accept EHLO after STARTTLS (502 5.5.1 Unrecognized command)")
                        .doesNotContain("right-password");
            });
            assertThat(proxy.verbs()).containsExactly("EHLO", "STARTTLS", "EHLO");
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aConnectionThatEndsAtTheEhloAfterStarttlsIsUnavailable() throws Exception {
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort()).offerStartTls(MailFixtures.serverTls())
                .answerEhloAfterStartTls("")) {
            SmtpSettings settings = MailFixtures.settings(proxy.port(), SmtpSecurity.STARTTLS,
                    Optional.of(MailFixtures.truststore(dir)));

            assertThatThrownBy(() -> send(settings)).isInstanceOfSatisfying(SignonException.class, e -> {
                assertThat(e.kind()).isEqualTo(SignonException.Kind.UNAVAILABLE);
                assertThat(e.getMessage()).contains("did not accept EHLO after STARTTLS (the connection ended)");
            });
            assertThat(proxy.messages()).isZero();
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    /**
     * Mid-run, a reconnection whose EHLO after STARTTLS is refused counts as the server not
     * being reachable: the message is tried four times in all (the first on the connection that
     * dropped), then the run stops with it and the rest not attempted, and the journal closes
     * the one intent that was written as failed, so the next run sends them.
     */
    @Test
    void aRefusedEhloAfterStarttlsOnAReconnectionMidRunStopsTheRunWithTheRestNotAttempted() throws Exception {
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort()).offerStartTls(MailFixtures.serverTls())
                .dropAtData(2)) {
            proxy.atMail(2, () -> proxy.answerEhloAfterStartTls("421 4.3.2 Service shutting down"));
            SmtpSettings settings = MailFixtures.settings(proxy.port(), SmtpSecurity.STARTTLS,
                    Optional.of(MailFixtures.truststore(dir)));
            SendReport report;
            try (SendJournal journal = SendJournal.open(dir.resolve("letter.sent.csv"))) {
                List<PlannedMessage> plan = PlannedMessage.plan(IntStream.rangeClosed(1, 3)
                        .mapToObj(i -> MailFixtures.message(i, "Contact " + i + " <contact" + i + "@example.com>",
                                "Letter", "Dear Contact " + i + ",\n"))
                        .toList(), journal.history(), false);
                report = new BatchSender(settings, null, journal, MailFixtures.NO_SLEEP, Clock.systemUTC())
                        .send(plan, SendListener.NONE);
            }

            assertThat(report.count(Status.SENT)).isEqualTo(1);
            assertThat(report.count(Status.NOT_ATTEMPTED)).isEqualTo(2);
            assertThat(report.stopped()).contains("did not accept EHLO after STARTTLS (421 4.3.2 Service shutting down)");
            assertThat(proxy.connections()).as("the first, and three more for message 2").isEqualTo(4);
            assertThat(proxy.messages()).as("message 1, then message 2 once before the drop").isEqualTo(2);
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        assertThat(Files.readAllLines(dir.resolve("letter.sent.csv")).stream().skip(1)
                .map(line -> line.split(",")[1]).toList())
                .containsExactly("sending", "sent", "sending", "failed");
    }

    /** A STARTTLS proxy offering PIPELINING and AUTH before TLS only, as someone on the path could add them. */
    private SmtpFaultProxy offeringPipeliningAndAuthOnlyBeforeTls() throws Exception {
        return new SmtpFaultProxy(greenMail.getSmtp().getPort()).offerStartTls(MailFixtures.serverTls())
                .offerPipelining().offerAuth("PLAIN LOGIN").offersOnlyBeforeStartTls();
    }

    /** The EHLO reply over TLS replaces the one before it whole (Angus's list is rebuilt from it). */
    @Test
    void pipeliningOfferedOnlyBeforeStarttlsIsNotUsed() throws Exception {
        try (SmtpFaultProxy proxy = offeringPipeliningAndAuthOnlyBeforeTls()) {
            SmtpSettings settings = MailFixtures.settings(proxy.port(), SmtpSecurity.STARTTLS,
                    Optional.of(MailFixtures.truststore(dir)));

            assertThat(send(settings).count(Status.SENT)).isEqualTo(1);
            assertThat(proxy.pipelinedEnvelopes()).as("one command at a time").isZero();
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void authOfferedOnlyBeforeStarttlsIsNotUsed() throws Exception {
        try (SmtpFaultProxy proxy = offeringPipeliningAndAuthOnlyBeforeTls()) {
            SmtpSettings settings = MailFixtures.withUser(MailFixtures.settings(proxy.port(), SmtpSecurity.STARTTLS,
                    Optional.of(MailFixtures.truststore(dir))), "organizer");

            assertThatThrownBy(() -> send(settings, "right-password")).isInstanceOfSatisfying(SignonException.class, e -> {
                assertThat(e.kind()).isEqualTo(SignonException.Kind.PERMISSION);
                assertThat(e.getMessage()).contains("no AUTH in its EHLO reply after STARTTLS");
            });
            assertThat(proxy.verbs()).startsWith("EHLO", "STARTTLS", "EHLO").doesNotContain("AUTH", "MAIL");
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
