package org.signon.mail;

import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.signon.mail.message.Addresses;
import org.signon.mail.message.Envelope;
import org.signon.mail.message.MessageContent;
import org.signon.mail.message.MessageIds;
import org.signon.mail.message.OutgoingMessage;
import org.signon.mail.send.Sleeper;
import org.signon.mail.smtp.SmtpSecurity;
import org.signon.mail.smtp.SmtpSettings;

/** Messages, settings and TLS material shared by the mail tests. */
public final class MailFixtures {

    public static final Origin TEST = new Origin(null, 0, "test");
    public static final String FROM = "Example Coalition <coalition@example.org>";

    private static final MessageIds IDS = new MessageIds(Clock.systemUTC());

    private MailFixtures() {
    }

    public static InternetAddress address(String text) {
        return Addresses.parse(text, TEST);
    }

    public static Envelope envelope(String to, String subject) {
        return new Envelope(address(FROM), List.of(address(to)), List.of(), List.of(), List.of(), subject);
    }

    public static OutgoingMessage message(int position, String to, String subject, String text) {
        return message(position, envelope(to, subject), text);
    }

    public static OutgoingMessage message(int position, Envelope envelope, String text) {
        return OutgoingMessage.of(position, envelope, MessageContent.text(text), IDS.next(envelope.from()), TEST);
    }

    /** Settings for a plain SMTP server on 127.0.0.1 with retries 1 ms apart. */
    public static SmtpSettings plain(int port) {
        return settings(port, SmtpSecurity.NONE, Optional.empty());
    }

    public static SmtpSettings settings(int port, SmtpSecurity security, Optional<Path> truststore) {
        return new SmtpSettings("127.0.0.1", port, security, "", 0, truststore, "changeit", "PKCS12",
                Duration.ofMillis(1), Map.of());
    }

    public static SmtpSettings withUser(SmtpSettings s, String username) {
        return new SmtpSettings(s.host(), s.port(), s.security(), username, s.rate(), s.truststore(),
                s.truststorePassword(), s.truststoreType(), s.retryDelay(), s.origins());
    }

    /** The test CA's truststore copied to {@code dir}, as a user would have it on disk. */
    public static Path truststore(Path dir) throws IOException {
        Path file = dir.resolve("truststore.p12");
        try (InputStream in = MailFixtures.class.getResourceAsStream("/tls/truststore.p12")) {
            Files.copy(in, file);
        }
        return file;
    }

    /** A server-side TLS context with the test certificate for 127.0.0.1 and localhost. */
    public static SSLContext serverTls() throws Exception {
        return serverTls("/greenmail.p12");
    }

    /** A server-side TLS context with a trusted certificate for mail.example.org only. */
    public static SSLContext wrongNameTls() throws Exception {
        return serverTls("/tls/wrong-name.p12");
    }

    private static SSLContext serverTls(String resource) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = MailFixtures.class.getResourceAsStream(resource)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** Sleeps not at all, so retry back-off costs tests nothing. */
    public static final Sleeper NO_SLEEP = duration -> { };
}
