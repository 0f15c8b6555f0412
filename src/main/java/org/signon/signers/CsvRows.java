package org.signon.signers;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.signon.SignonException.Kind;
import org.signon.io.CsvText;
import org.signon.io.IoFailure;

/**
 * Streams the records of an RFC 4180 CSV file with the physical line each starts on, turning
 * every way the file can be unreadable into a {@link SignersException} with that line.
 */
final class CsvRows implements Closeable {

    /** One record; {@code line} is where it starts, as an editor numbers lines. */
    record Row(long line, CSVRecord cells) {

        int size() {
            return cells.size();
        }

        /** The raw cell, or empty when the row is shorter than the header. */
        String raw(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        boolean isBlank() {
            for (String cell : cells) {
                if (!TextCleaner.isBlank(cell)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Keep empty lines as records: skipping them inside the parser would lose line numbers. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .get();

    /** Commons CSV names the line in its messages, formatted with grouping separators. */
    private static final Pattern LINE_IN_MESSAGE =
            Pattern.compile("(?:startline|line:)\\s*(\\d[\\d.,'\\u00A0\\u202F]*)");

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long linesDone;

    private CsvRows(Path file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
    }

    static CsvRows open(Path file) {
        if (Files.isDirectory(file)) {
            throw new SignersException(Kind.NO_INPUT, file, 0, null, "is a folder, not a CSV file", null);
        }
        InputStream in = null;
        try {
            in = Files.newInputStream(file);
            return new CsvRows(file, CSVParser.builder()
                    .setReader(new Utf8Reader(in))
                    .setFormat(FORMAT)
                    .get());
        } catch (NoSuchFileException e) {
            throw new SignersException(Kind.NO_INPUT, file, 0, null, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new SignersException(Kind.NO_INPUT, file, 0, null, "cannot read the file: permission denied", e);
        } catch (Utf8Reader.InvalidUtf8 | CSVException e) {
            closeQuietly(in);
            throw failure(file, e, 1);
        } catch (IOException e) {
            closeQuietly(in);
            throw new SignersException(Kind.NO_INPUT, file, 0, null, "cannot read the file: " + IoFailure.reason(e, file), e);
        }
    }

    /** The next record, or null at the end of the file. */
    Row next() {
        long line = linesDone + 1;
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            linesDone = parser.getCurrentLineNumber();
            return new Row(line, record);
        } catch (UncheckedIOException e) {
            throw failure(file, e.getCause(), line);
        }
    }

    private static SignersException failure(Path file, IOException cause, long recordLine) {
        if (cause instanceof Utf8Reader.InvalidUtf8 invalid) {
            String problem = switch (invalid.problem()) {
                case UTF16 -> CsvText.UTF16 + "; " + CsvText.EXPORT_AGAIN;
                case NOT_TEXT -> CsvText.NOT_TEXT + "; " + CsvText.EXPORT_AGAIN;
                case STRAY_NUL -> CsvText.STRAY_NUL;
                case NOT_UTF8 -> String.format("the file is not UTF-8 text (byte 0x%02X); ", invalid.badByte())
                        + CsvText.EXPORT_AGAIN;
            };
            long line = invalid.problem() == Utf8Reader.InvalidUtf8.Problem.UTF16 ? 1 : lineOf(file, invalid);
            return new SignersException(Kind.DATA, file, line, null, problem, cause);
        }
        if (cause instanceof CSVException) {
            return new SignersException(Kind.DATA, file, lineIn(cause.getMessage(), recordLine), null,
                    csvProblem(cause.getMessage()), cause);
        }
        return new SignersException(Kind.IO, file, recordLine, null, "reading failed: " + cause.getMessage(), cause);
    }

    /** Counted only when decoding failed, so that reading a good file pays nothing for it. */
    private static long lineOf(Path file, Utf8Reader.InvalidUtf8 invalid) {
        try (InputStream in = Files.newInputStream(file)) {
            return Utf8Reader.lineAt(in, invalid.offset());
        } catch (IOException e) {
            return 0;
        }
    }

    private static String csvProblem(String message) {
        if (message != null && message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field starting on this line never ends: a \" is missing or unbalanced";
        }
        if (message != null && message.contains("Invalid character between encapsulated token and delimiter")) {
            return "text follows a closing quote on this line; a \" inside a quoted field must be written \"\"";
        }
        return "malformed CSV: " + message;
    }

    private static long lineIn(String message, long fallback) {
        Matcher matcher = message == null ? null : LINE_IN_MESSAGE.matcher(message);
        if (matcher == null || !matcher.find()) {
            return fallback;
        }
        String digits = matcher.group(1).replaceAll("\\D", "");
        return digits.isEmpty() ? fallback : Long.parseLong(digits);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Everything needed was read; a failing close cannot change the result.
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // The open already failed; that is the error worth reporting.
        }
    }
}
