package org.signon;

import java.nio.file.Path;

/**
 * A failure the user can act on: it names the file, the line (0 when unknown) and, where it
 * helps, the field. The cli layer turns it into one line on stderr and an exit code chosen by
 * {@link Kind}; domain code never prints or exits.
 */
public class SignonException extends RuntimeException {

    /** What went wrong, as the cli maps it to an exit code. */
    public enum Kind {
        /** The command line itself is wrong (unknown format, conflicting options). */
        USAGE,
        /** An input file exists but its content is wrong (CSV, YAML, template, address). */
        DATA,
        /** An input file does not exist or cannot be read. */
        NO_INPUT,
        /** A remote service (SMTP server) cannot be reached or refused us. */
        UNAVAILABLE,
        /** An output file cannot be created. */
        CANT_CREATE,
        /** Reading or writing failed part-way. */
        IO,
        /** Some work was not done but may succeed if retried (messages not sent). */
        TEMPORARY,
        /** Authentication was refused. */
        PERMISSION,
        /** A configuration file or setting is wrong. */
        CONFIG
    }

    private final Kind kind;
    private final Path file;
    private final long line;
    private final String field;

    public SignonException(Kind kind, Path file, long line, String field, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.field = field;
    }

    public SignonException(Kind kind, Path file, long line, String message) {
        this(kind, file, line, null, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The file at fault, or null when none applies. */
    public Path file() {
        return file;
    }

    /** The 1-based physical line in {@link #file()}, or 0 when unknown. */
    public long line() {
        return line;
    }

    /** The field or column at fault, or null. */
    public String field() {
        return field;
    }

    /** One line for a terminal: {@code letters/x.md:12: unknown tag 'foo'}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file);
            if (line > 0) {
                out.append(':').append(line);
            }
            out.append(": ");
        }
        if (field != null && !getMessage().contains(field)) {
            out.append(field).append(": ");
        }
        out.append(getMessage());
        return out.toString();
    }
}
