package org.signon.mail.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signon.mail.MailFixtures.message;
import static org.signon.mail.MailFixtures.plain;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.signon.mail.journal.JournalStatus;
import org.signon.mail.message.Envelope;
import org.signon.mail.message.OutgoingMessage;
import org.signon.mail.send.MessageResult.Status;
import org.signon.mail.smtp.SmtpFaultProxy;

/**
 * Every test of {@link BatchSenderTest} again with the server offering PIPELINING (RFC 2920),
 * so that MAIL FROM, RCPT TO and DATA go out together: each fault must end as it does one
 * command at a time. Then what only a pipelined envelope meets.
 */
class PipelinedBatchSenderTest extends BatchSenderTest {

    private final List<SmtpFaultProxy> proxies = new ArrayList<>();

    @Override
    SmtpFaultProxy proxy() throws IOException {
        SmtpFaultProxy proxy = super.proxy().offerPipelining();
        proxies.add(proxy);
        return proxy;
    }

    /**
     * A client that waits for each reply passes every inherited test too, only slower (the proxy
     * answers it after a few seconds): each test must also have pipelined every envelope it began.
     */
    @AfterEach
    void everyEnvelopeBegunWasPipelined() {
        for (SmtpFaultProxy proxy : proxies) {
            assertThat(proxy.pipelinedEnvelopes()).as("envelopes that arrived whole, of the %d begun", proxy.messages())
                    .isEqualTo(proxy.messages());
        }
    }

    @Test
    void sendsEachEnvelopeInOneRoundTrip() throws Exception {
        try (SmtpFaultProxy proxy = proxy()) {
            SendReport report = send(plain(proxy.port()), contacts(3));

            assertThat(report.count(Status.SENT)).isEqualTo(3);
            assertThat(proxy.pipelinedEnvelopes()).as("envelopes that arrived whole before any reply").isEqualTo(3);
            assertThat(proxy.connections()).isEqualTo(1);
        }
        assertThat(deliveries()).containsOnly(Map.entry("contact1@example.com", 1L), Map.entry("contact2@example.com", 1L),
                Map.entry("contact3@example.com", 1L));
    }

    /**
     * The server answers DATA with 354 since two of the three recipients were accepted: sending
     * the data would deliver the letter to some of its recipients and not the others.
     */
    @Test
    void oneRefusedRecipientOfSeveralStopsTheMessageForAllOfThemBeforeItsData() throws Exception {
        Envelope toThree = toThree();
        List<OutgoingMessage> messages = List.of(message(1, toThree, "Dear all,\n"), contacts(2).get(1));
        try (SmtpFaultProxy proxy = proxy().rejectRecipient("partner@example.net", "550 5.1.1 No such user")) {
            SendReport report = send(plain(proxy.port()), messages);

            assertThat(report.results()).extracting(MessageResult::status).containsExactly(Status.FAILED, Status.SENT);
            assertThat(report.results().get(0).detail()).contains("partner@example.net").contains("550 5.1.1 No such user");
            assertThat(proxy.connections()).as("the refused message's connection is closed before its data").isEqualTo(2);
        }
        assertThat(greenMail.getReceivedMessages()).as("only message 2, to its one recipient").hasSize(1);
        assertThat(deliveries()).containsOnly(Map.entry("contact2@example.com", 1L));
        assertThat(journalStatuses()).containsExactly(JournalStatus.SENDING, JournalStatus.FAILED,
                JournalStatus.SENDING, JournalStatus.SENT);
    }
}
