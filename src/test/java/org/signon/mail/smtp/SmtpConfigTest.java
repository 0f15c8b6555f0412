package org.signon.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.SignonException;

class SmtpConfigTest {

    @TempDir
    Path dir;

    private Path properties(String text) throws Exception {
        Path file = dir.resolve("signon.properties");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsTheFileInTheWorkingDirectory() throws Exception {
        properties("""
                # our relay
                smtp.host = smtp.example.org
                smtp.username: organizer@example.org
                smtp.rate=14
                smtp.truststore = certs/ca.p12
                """);

        SmtpSettings settings = SmtpConfig.load(Optional.empty(), dir, Map.of());

        assertThat(settings.host()).isEqualTo("smtp.example.org");
        assertThat(settings.security()).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.username()).isEqualTo("organizer@example.org");
        assertThat(settings.rate()).isEqualTo(14.0);
        assertThat(settings.truststore()).contains(dir.resolve("certs/ca.p12"));
        assertThat(settings.retryDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.describeOrigin("smtp.host")).isEqualTo(dir.resolve("signon.properties") + ":2");
    }

    @Test
    void noFileMeansDefaults() {
        SmtpSettings settings = SmtpConfig.load(Optional.empty(), dir, Map.of());

        assertThat(settings.host()).isEmpty();
        assertThat(settings.hasUsername()).isFalse();
        assertThatThrownBy(() -> settings.requireSendable(false)).isInstanceOfSatisfying(SignonException.class, e -> {
            assertThat(e.kind()).isEqualTo(SignonException.Kind.CONFIG);
            assertThat(e.getMessage()).contains("smtp.host").contains("SIGNON_SMTP_HOST");
        });
    }

    @Test
    void thePortDefaultsBySecurity() throws Exception {
        properties("smtp.host=smtp.example.org\nsmtp.security=ssl\n");
        assertThat(SmtpConfig.load(Optional.empty(), dir, Map.of()).port()).isEqualTo(465);
        assertThat(SmtpConfig.load(Optional.empty(), dir, Map.of("SIGNON_SMTP_SECURITY", "none")).port()).isEqualTo(25);
    }

    @Test
    void environmentVariablesWin() throws Exception {
        properties("smtp.host=smtp.example.org\nsmtp.port=2525\n");

        SmtpSettings settings = SmtpConfig.load(Optional.empty(), dir, Map.of(
                "SIGNON_SMTP_HOST", "relay.example.net", "SIGNON_SMTP_USERNAME", "bot", "SIGNON_SMTP_RATE", "0.5"));

        assertThat(settings.host()).isEqualTo("relay.example.net");
        assertThat(settings.port()).isEqualTo(2525);
        assertThat(settings.username()).isEqualTo("bot");
        assertThat(settings.rate()).isEqualTo(0.5);
        assertThat(settings.describeOrigin("smtp.host")).isEqualTo("SIGNON_SMTP_HOST");
    }

    @Test
    void aTypoInAKeyIsAnErrorNamingFileAndLine() throws Exception {
        Path file = properties("smtp.host=smtp.example.org\n\nsmtp.hots=smtp.example.org\n");

        assertThatThrownBy(() -> SmtpConfig.load(Optional.empty(), dir, Map.of()))
                .isInstanceOfSatisfying(SignonException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SignonException.Kind.CONFIG);
                    assertThat(e.describe()).startsWith(file + ":3: unknown key 'smtp.hots'");
                });
    }

    @Test
    void aPasswordInTheFileIsRefused() throws Exception {
        properties("smtp.password=secret\n");

        assertThatThrownBy(() -> SmtpConfig.load(Optional.empty(), dir, Map.of()))
                .hasMessageContaining("SIGNON_SMTP_PASSWORD")
                .hasMessageNotContaining("secret");
    }

    @Test
    void badValuesNameTheirSource() throws Exception {
        properties("smtp.security=tls\n");
        assertThatThrownBy(() -> SmtpConfig.load(Optional.empty(), dir, Map.of()))
                .isInstanceOfSatisfying(SignonException.class, e -> assertThat(e.describe())
                        .endsWith("signon.properties:1: smtp.security: 'tls' is not one of starttls, ssl, none"));

        assertThatThrownBy(() -> SmtpConfig.load(Optional.empty(), dir.resolve("elsewhere"), Map.of("SIGNON_SMTP_PORT", "smtp")))
                .hasMessage("smtp.port: 'smtp' is not a port number (1-65535) (from SIGNON_SMTP_PORT)");
        assertThatThrownBy(() -> SmtpConfig.load(Optional.empty(), dir.resolve("elsewhere"), Map.of("SIGNON_SMTP_RATE", "-1")))
                .hasMessageContaining("not a positive number");
    }

    @Test
    void anExplicitConfigFileMustExist() {
        assertThatThrownBy(() -> SmtpConfig.load(Optional.of(dir.resolve("missing.properties")), dir, Map.of()))
                .isInstanceOfSatisfying(SignonException.class, e -> assertThat(e.kind()).isEqualTo(SignonException.Kind.NO_INPUT));
    }

    @Test
    void unencryptedSmtpIsOnlyForThisMachineUnlessInsecure() throws Exception {
        properties("smtp.host=smtp.example.org\nsmtp.security=none\n");
        SmtpSettings remote = SmtpConfig.load(Optional.empty(), dir, Map.of());

        assertThatThrownBy(() -> remote.requireSendable(false))
                .isInstanceOfSatisfying(SignonException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SignonException.Kind.CONFIG);
                    assertThat(e.describe()).contains("signon.properties:2").contains("--insecure");
                });
        remote.requireSendable(true);
        SmtpConfig.load(Optional.empty(), dir, Map.of("SIGNON_SMTP_HOST", "127.0.0.1")).requireSendable(false);
        SmtpConfig.load(Optional.empty(), dir, Map.of("SIGNON_SMTP_HOST", "localhost")).requireSendable(false);
    }

    @Test
    void theTemplateSignonInitWritesNamesEveryKey() throws Exception {
        String template;
        try (InputStream in = SmtpConfig.class.getResourceAsStream("/org/signon/starter/signon.properties")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> named = template.lines()
                .filter(line -> line.matches("# smtp\\.[a-z.]+=.*"))
                .map(line -> line.substring(2, line.indexOf('=')))
                .collect(Collectors.toSet());

        assertThat(named).isEqualTo(SmtpConfig.KEYS);
    }
}
