package org.signon.mail.smtp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.signon.SignonException.Kind;
import org.signon.mail.MailException;
import org.signon.mail.Origin;

/**
 * Where and how to submit mail. Never holds the password.
 *
 * @param host               SMTP server, empty when not configured
 * @param port               port, defaulting by {@code security}
 * @param security           STARTTLS (default), SSL or NONE
 * @param username           login, empty for no authentication
 * @param rate               messages per second, 0 for no limit
 * @param truststore         keystore with extra trusted certificates (a private CA)
 * @param truststorePassword its password, empty for none
 * @param truststoreType     its type, {@code PKCS12} by default
 * @param retryDelay         wait before the first retry; doubled for each further one
 * @param origins            where each key was set (file and line, or environment variable)
 */
public record SmtpSettings(
        String host,
        int port,
        SmtpSecurity security,
        String username,
        double rate,
        Optional<Path> truststore,
        String truststorePassword,
        String truststoreType,
        Duration retryDelay,
        Map<String, Origin> origins) {

    private static final Pattern LOOPBACK = Pattern.compile("(?i)localhost|127(\\.\\d{1,3}){3}|::1|\\[::1]");

    public SmtpSettings {
        origins = Map.copyOf(origins);
    }

    public boolean hasUsername() {
        return !username.isEmpty();
    }

    public boolean isLoopback() {
        return LOOPBACK.matcher(host).matches();
    }

    /**
     * Checks what sending needs: a host, and encryption unless the server is on this machine or
     * the user said {@code --insecure}.
     */
    public void requireSendable(boolean insecure) {
        if (host.isEmpty()) {
            throw new MailException(Kind.CONFIG, "no SMTP server: set smtp.host in signon.properties "
                    + "(or --config FILE) or the SIGNON_SMTP_HOST environment variable");
        }
        if (security == SmtpSecurity.NONE && !isLoopback() && !insecure) {
            Origin origin = origins.getOrDefault("smtp.security", new Origin(null, 0, "smtp.security"));
            throw new MailException(Kind.CONFIG, origin.file(), origin.line(), "smtp.security",
                    "smtp.security=none sends the password and the letter unencrypted to " + host
                            + "; use starttls or ssl, or add --insecure if you really mean it", null);
        }
    }

    /** Where {@code key} was set, for error messages: {@code signon.properties:3} or an environment variable. */
    public String describeOrigin(String key) {
        Origin origin = origins.get(key);
        return origin == null ? "default" : origin.describe();
    }
}
