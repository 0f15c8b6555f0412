package org.signon.mail.message;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.signon.SignonException.Kind;
import org.signon.io.CsvText;
import org.signon.io.IoFailure;
import org.signon.letter.Recipient;
import org.signon.mail.MailException;

/**
 * Reads the contacts a personalized letter is sent to: a UTF-8 CSV (a byte-order mark is fine)
 * whose header names a {@code name} and an {@code email} column, in any case; every other
 * column reaches the template as {@code recipient.<column>}. Blank rows are skipped. An address
 * listed twice is an error, since that person would get the letter twice.
 */
public final class ContactsReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .get();

    private ContactsReader() {
    }

    /** @throws MailException NO_INPUT when missing, DATA for bad encoding, CSV or columns */
    public static List<Recipient> read(Path csv) {
        String text = decode(csv, readBytes(csv));
        LineIndex lines = new LineIndex(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Map<String, String> headers = headers(csv, parser.getHeaderNames(), lines.lineOf(0));
            List<Recipient> contacts = new ArrayList<>();
            Map<String, Long> seen = new HashMap<>();
            for (CSVRecord record : parser) {
                long line = lines.lineOf(recordStart(text, record.getCharacterPosition()));
                Map<String, String> fields = fields(headers, record);
                if (fields.values().stream().allMatch(String::isEmpty)) {
                    continue;
                }
                String email = fields.get("email");
                if (email.isEmpty()) {
                    throw new MailException(Kind.DATA, csv, line, "email", "no email for '" + fields.get("name") + "'", null);
                }
                Long first = seen.putIfAbsent(email.toLowerCase(Locale.ROOT), line);
                if (first != null) {
                    throw new MailException(Kind.DATA, csv, line, "email", email
                            + " is listed twice (first on line " + first + "); each contact may appear once", null);
                }
                contacts.add(new Recipient(fields, line));
            }
            return contacts;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new MailException(Kind.DATA, csv, 0, null, "not a readable CSV: " + e.getMessage(), e);
        }
    }

    /** Maps each header as written to the key templates see: {@code name} and {@code email} lower-cased. */
    private static Map<String, String> headers(Path csv, List<String> names, long line) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String header : names) {
            String trimmed = header.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String lower = trimmed.toLowerCase(Locale.ROOT);
            String key = lower.equals("name") || lower.equals("email") ? lower : trimmed;
            if (keys.containsValue(key)) {
                throw new MailException(Kind.DATA, csv, line, key, "column '" + key + "' appears twice in the header", null);
            }
            keys.put(header, key);
        }
        for (String required : List.of("name", "email")) {
            if (!keys.containsValue(required)) {
                throw new MailException(Kind.DATA, csv, line, required,
                        "no '" + required + "' column; the header must name 'name' and 'email' (found: "
                                + String.join(", ", keys.values()) + ")", null);
            }
        }
        return keys;
    }

    /** The parser reports where the previous record ended; skipped blank lines come before the row. */
    private static long recordStart(String text, long position) {
        int start = (int) position;
        while (start < text.length() && (text.charAt(start) == '\r' || text.charAt(start) == '\n')) {
            start++;
        }
        return start;
    }

    private static Map<String, String> fields(Map<String, String> headers, CSVRecord record) {
        Map<String, String> fields = new LinkedHashMap<>();
        headers.forEach((header, key) -> fields.put(key, record.isSet(header) ? record.get(header).strip() : ""));
        return fields;
    }

    private static byte[] readBytes(Path csv) {
        try {
            return Files.readAllBytes(csv);
        } catch (NoSuchFileException e) {
            throw new MailException(Kind.NO_INPUT, csv, 0, "contacts file not found");
        } catch (IOException e) {
            throw new MailException(Kind.NO_INPUT, csv, 0, null, "cannot read contacts: " + IoFailure.reason(e, csv), e);
        }
    }

    /**
     * Strict UTF-8, so that a Latin-1 export fails with its line instead of garbling names, and
     * UTF-16 or a workbook fails saying so instead of "no 'name' column (found: n a m e)".
     */
    private static String decode(Path csv, byte[] bytes) {
        if (bytes.length >= 2 && CsvText.isUtf16Mark(bytes[0], bytes[1])) {
            throw new MailException(Kind.DATA, csv, 1, CsvText.UTF16 + "; " + CsvText.EXPORT_AGAIN);
        }
        refuseNul(csv, bytes);
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            long line = 1 + countNewlines(Arrays.copyOf(bytes, in.position()));
            throw new MailException(Kind.DATA, csv, line, "the file is not UTF-8 text; " + CsvText.EXPORT_AGAIN);
        }
        return out.flip().toString();
    }

    private static void refuseNul(Path csv, byte[] bytes) {
        int scanned = Math.min(bytes.length, CsvText.NUL_SCAN);
        CsvText.Nuls nuls = CsvText.Nuls.in(bytes, 0, scanned);
        if (nuls.first() >= 0) {
            long line = 1 + countNewlines(Arrays.copyOf(bytes, nuls.first()));
            throw new MailException(Kind.DATA, csv, line, CsvText.notText(bytes, nuls.count(), scanned)
                    ? CsvText.NOT_TEXT + "; " + CsvText.EXPORT_AGAIN : CsvText.STRAY_NUL);
        }
    }

    private static long countNewlines(byte[] bytes) {
        long count = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Turns a character offset into a 1-based physical line number. */
    private static final class LineIndex {

        private final int[] starts;

        LineIndex(String text) {
            List<Integer> list = new ArrayList<>();
            list.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    list.add(i + 1);
                }
            }
            starts = list.stream().mapToInt(Integer::intValue).toArray();
        }

        long lineOf(long offset) {
            int index = Arrays.binarySearch(starts, (int) offset);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
