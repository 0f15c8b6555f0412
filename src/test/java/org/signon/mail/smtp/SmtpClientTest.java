package org.signon.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.signon.mail.MailFixtures.message;
import static org.signon.mail.MailFixtures.plain;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.signon.SignonException;
import org.signon.mail.MailException;
import org.signon.mail.message.MimeMessages;
import org.signon.mail.message.OutgoingMessage;

class SmtpClientTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private SmtpClient.Attempt send(SmtpClient client, OutgoingMessage message, Runnable beforeDot) {
        client.connect();
        return client.send(MimeMessages.build(message, client.session(), new Date()), message.envelope().recipients(),
                beforeDot);
    }

    @Test
    void whenTheJournalCannotSaveTheIntentTheFinalDotIsNeverSent() throws Exception {
        OutgoingMessage first = message(1, "contact1@example.com", "Our letter", "Dear Contact,\n");
        OutgoingMessage second = message(2, "contact2@example.com", "Our letter", "Dear Contact,\n");
        AtomicInteger dots = new AtomicInteger();
        try (SmtpFaultProxy proxy = new SmtpFaultProxy(greenMail.getSmtp().getPort()).atDot(1, dots::incrementAndGet);
                SmtpClient client = new SmtpClient(plain(proxy.port()), null)) {
            assertThatThrownBy(() -> send(client, first, () -> {
                throw new MailException(SignonException.Kind.IO, "cannot save send journal: disk full");
            })).isInstanceOf(MailException.class).hasMessageContaining("disk full");

            assertThat(dots).as("the message data went out, its end did not").hasValue(0);
            assertThat(greenMail.getReceivedMessages()).isEmpty();

            SmtpClient.Attempt next = send(client, second, () -> { });

            assertThat(next.outcome()).isEqualTo(SmtpClient.Outcome.ACCEPTED);
            assertThat(proxy.connections()).as("the half-sent message's connection is not reused").isEqualTo(2);
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }
}
