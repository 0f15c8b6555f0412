package org.signon.mail.smtp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.signon.SignonException.Kind;
import org.signon.io.IoFailure;
import org.signon.mail.MailException;
import org.signon.mail.Origin;

/**
 * Loads {@link SmtpSettings} from {@code signon.properties} (in the working directory, or the
 * file given with {@code --config}) and then from {@code SIGNON_SMTP_*} environment variables,
 * which win. The file holds one {@code key = value} per line ({@code #} comments, values taken
 * literally); an unknown key is an error so that a typo such as {@code smtp.hots} is not
 * silently ignored. Passwords are never read from the file.
 */
public final class SmtpConfig {

    public static final String DEFAULT_FILE = "signon.properties";

    static final String HOST = "smtp.host";
    static final String PORT = "smtp.port";
    static final String SECURITY = "smtp.security";
    static final String USERNAME = "smtp.username";
    static final String RATE = "smtp.rate";
    static final String TRUSTSTORE = "smtp.truststore";
    static final String TRUSTSTORE_PASSWORD = "smtp.truststore.password";
    static final String TRUSTSTORE_TYPE = "smtp.truststore.type";
    static final String RETRY_DELAY = "smtp.retry.delay";

    /** Every key signon.properties may set; package-private for the test that the init template names each. */
    static final Set<String> KEYS = Set.of(HOST, PORT, SECURITY, USERNAME, RATE, TRUSTSTORE,
            TRUSTSTORE_PASSWORD, TRUSTSTORE_TYPE, RETRY_DELAY);

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "SIGNON_SMTP_HOST", HOST,
            "SIGNON_SMTP_PORT", PORT,
            "SIGNON_SMTP_SECURITY", SECURITY,
            "SIGNON_SMTP_USERNAME", USERNAME,
            "SIGNON_SMTP_RATE", RATE,
            "SIGNON_SMTP_TRUSTSTORE", TRUSTSTORE);

    private SmtpConfig() {
    }

    /**
     * @param explicit    the {@code --config} file, which must exist
     * @param workingDir  where {@code signon.properties} is looked for when no file is given
     * @param environment the process environment
     */
    public static SmtpSettings load(Optional<Path> explicit, Path workingDir, Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        Map<String, Origin> origins = new HashMap<>();
        Path file = explicit.orElse(workingDir.resolve(DEFAULT_FILE));
        if (explicit.isPresent() || Files.exists(file)) {
            readFile(file, values, origins);
        }
        ENVIRONMENT.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                values.put(key, value.strip());
                origins.put(key, new Origin(null, 0, variable));
            }
        });
        return settings(values, origins, workingDir);
    }

    private static SmtpSettings settings(Map<String, String> values, Map<String, Origin> origins, Path workingDir) {
        SmtpSecurity security = Optional.ofNullable(values.get(SECURITY))
                .map(v -> SmtpSecurity.parse(v).orElseThrow(() -> invalid(origins, SECURITY,
                        "'" + v + "' is not one of starttls, ssl, none")))
                .orElse(SmtpSecurity.STARTTLS);
        int port = Optional.ofNullable(values.get(PORT)).map(v -> port(v, origins)).orElse(security.defaultPort());
        double rate = Optional.ofNullable(values.get(RATE)).map(v -> rate(v, origins)).orElse(0.0);
        Duration retryDelay = Optional.ofNullable(values.get(RETRY_DELAY))
                .map(v -> Duration.ofMillis(milliseconds(v, origins))).orElse(Duration.ofSeconds(1));
        Optional<Path> truststore = Optional.ofNullable(values.get(TRUSTSTORE))
                .map(v -> relativeTo(origins.get(TRUSTSTORE), workingDir).resolve(v).normalize());
        return new SmtpSettings(
                values.getOrDefault(HOST, ""),
                port,
                security,
                values.getOrDefault(USERNAME, ""),
                rate,
                truststore,
                values.getOrDefault(TRUSTSTORE_PASSWORD, ""),
                values.getOrDefault(TRUSTSTORE_TYPE, "PKCS12"),
                retryDelay,
                origins);
    }

    /** A path in the file is relative to the file's folder; one from the environment, to the working directory. */
    private static Path relativeTo(Origin origin, Path workingDir) {
        if (origin != null && origin.file() != null) {
            Path parent = origin.file().toAbsolutePath().getParent();
            return parent == null ? workingDir : parent;
        }
        return workingDir;
    }

    private static void readFile(Path file, Map<String, String> values, Map<String, Origin> origins) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new MailException(Kind.NO_INPUT, file, 0, "configuration file not found");
        } catch (IOException e) {
            throw new MailException(Kind.CONFIG, file, 0, null, "cannot read configuration: " + IoFailure.reason(e, file), e);
        }
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int separator = separator(line);
            if (separator < 0) {
                throw new MailException(Kind.CONFIG, file, number, "expected 'key = value', found '" + line + "'");
            }
            String key = line.substring(0, separator).strip();
            String value = line.substring(separator + 1).strip();
            checkKey(file, number, key);
            Integer earlier = firstLine.putIfAbsent(key, number);
            if (earlier != null) {
                throw new MailException(Kind.CONFIG, file, number, key, key + " is set twice (first on line " + earlier + ")", null);
            }
            values.put(key, value);
            origins.put(key, new Origin(file, number, key));
        }
    }

    private static int separator(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }

    private static void checkKey(Path file, int line, String key) {
        if (KEYS.contains(key)) {
            return;
        }
        if (key.equals("smtp.password")) {
            throw new MailException(Kind.CONFIG, file, line, key, "smtp.password is not read from files: "
                    + "set the SIGNON_SMTP_PASSWORD environment variable or type it when asked", null);
        }
        throw new MailException(Kind.CONFIG, file, line, key, "unknown key '" + key + "'; known keys: "
                + String.join(", ", KEYS.stream().sorted().toList()), null);
    }

    private static int port(String value, Map<String, Origin> origins) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(origins, PORT, "'" + value + "' is not a port number (1-65535)");
    }

    private static double rate(String value, Map<String, Origin> origins) {
        try {
            double rate = Double.parseDouble(value.strip());
            if (rate > 0 && Double.isFinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(origins, RATE, "'" + value + "' is not a positive number of messages per second");
    }

    private static long milliseconds(String value, Map<String, Origin> origins) {
        try {
            long ms = Long.parseLong(value.strip());
            if (ms >= 0) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(origins, RETRY_DELAY, "'" + value + "' is not a number of milliseconds");
    }

    private static MailException invalid(Map<String, Origin> origins, String key, String message) {
        Origin origin = origins.getOrDefault(key, new Origin(null, 0, key));
        String where = origin.file() == null && origin.field() != null && !origin.field().equals(key)
                ? " (from " + origin.field() + ")" : "";
        return new MailException(Kind.CONFIG, origin.file(), origin.line(), key, key + ": " + message + where, null);
    }
}
