package org.signon.mail.smtp;

import java.util.Locale;
import java.util.Optional;

/** How the SMTP connection is protected ({@code smtp.security}). */
public enum SmtpSecurity {
    /** Plain connection upgraded with STARTTLS; fails if the server does not offer it. */
    STARTTLS(587),
    /** TLS from the first byte (SMTPS). */
    SSL(465),
    /** No encryption: only for a server on this machine unless {@code --insecure}. */
    NONE(25);

    private final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SmtpSecurity> parse(String value) {
        for (SmtpSecurity s : values()) {
            if (s.key().equalsIgnoreCase(value.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
