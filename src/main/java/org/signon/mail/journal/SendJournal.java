package org.signon.mail.journal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.signon.SignonException.Kind;
import org.signon.io.FileNames;
import org.signon.io.IoFailure;
import org.signon.mail.Background;
import org.signon.mail.MailException;
import org.signon.mail.message.ContentHash;

/**
 * The send journal next to the letter ({@code letters/NAME.sent.csv}): one CSV row per event,
 * appended and forced to disk, so that a run killed at any point loses no record and the next
 * run neither resends what was delivered nor forgets what may have been.
 *
 * <p>Columns: {@code time} (ISO-8601 UTC), {@code status} ({@code sending}, {@code sent},
 * {@code failed}, {@code uncertain}), {@code message_id}, {@code recipients} (every To, Cc and
 * Bcc address), {@code subject}, {@code content_hash} (see {@link ContentHash}), {@code to}.
 *
 * <p>While a run holds the journal open it is locked: two runs cannot send the same letter at
 * once.
 */
public final class SendJournal implements AutoCloseable {

    static final List<String> COLUMNS = List.of("time", "status", "message_id", "recipients", "subject",
            "content_hash", "to");

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    // A blank line (an editor's, at the end) is no row; RFC 4180 alone would read it as a damaged one.
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final JournalHistory history;
    /** The file's columns in its own order: an edited journal may have them reordered, or more. */
    private final List<String> columns;
    /** Bytes written; rows may come from a shutdown hook as well as the sending thread. */
    private volatile long written;
    /** Bytes known to be on disk; raised by whichever thread finishes a force. */
    private final AtomicLong durable = new AtomicLong();
    /** Forces the file while the sending thread talks to the server; started on first use. */
    private ExecutorService forcer;

    private SendJournal(Path file, FileChannel channel, FileLock lock, Contents contents) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.history = contents.history();
        this.columns = contents.columns();
    }

    /** {@code letters/open-letter.md} keeps its journal in {@code letters/open-letter.sent.csv}. */
    public static Path pathFor(Path letter) {
        return FileNames.sibling(letter, ".sent.csv");
    }

    /** What the journal at {@code file} records; empty when there is none yet. */
    public static JournalHistory read(Path file) {
        try {
            return parse(file, rows(file, Files.readAllBytes(file))).history();
        } catch (NoSuchFileException e) {
            return JournalHistory.empty();
        } catch (IOException e) {
            throw new MailException(Kind.NO_INPUT, file, 0, null, "cannot read send journal: " + IoFailure.reason(e, file), e);
        }
    }

    /**
     * Whether the journal at {@code file} holds no row after its header line (or no line at
     * all). Reads no further than the first row: a long journal is read whole only once.
     */
    static boolean holdsNoRows(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * What another letter's journal at {@code file} records, each delivery marked as recorded
     * there; empty when the file is not a signon send journal (its first line lacks the
     * journal's columns). Read only: it is neither locked nor repaired.
     *
     * @throws MailException DATA when it is a damaged journal, NO_INPUT when it cannot be read
     */
    static Optional<JournalHistory> readOther(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MailException(Kind.NO_INPUT, file, 0, null, "cannot read send journal: " + IoFailure.reason(e, file), e);
        }
        if (!hasJournalHeader(file, bytes)) {
            return Optional.empty();
        }
        return Optional.of(new JournalHistory(parse(file, rows(file, bytes)).entries(), Optional.of(file)));
    }

    /** Whether the first CSV record names every journal column: a signon journal, or a damaged one. */
    private static boolean hasJournalHeader(Path file, byte[] bytes) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text(bytes)), CSVFormat.RFC4180)) {
            Iterator<CSVRecord> records = parser.iterator();
            return records.hasNext() && records.next().toList().containsAll(COLUMNS);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // A first line that is not even CSV could be a journal's, damaged: say so rather than pass it by.
            throw new MailException(Kind.DATA, file, 1, null, "damaged send journal: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the journal for appending, creating it with its header, and locks it. A torn last
     * line (from a crash while writing) is cut off first; a whole last row that merely lacks its
     * line end (an editor saved it so) is kept and ended.
     */
    public static SendJournal open(Path file) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = lock(file, channel);
            byte[] bytes = readAll(channel);
            byte[] rows = rows(file, bytes);
            Contents contents = parse(file, rows);
            channel.truncate(rows.length);
            channel.position(rows.length);
            SendJournal journal = new SendJournal(file, channel, lock, contents);
            if (rows.length == 0) {
                journal.write(WRITE.format(COLUMNS.toArray()) + "\n");
                journal.sync();
            } else if (rows[rows.length - 1] != '\n') {
                journal.write("\n");
                journal.sync();
            }
            return journal;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new MailException(Kind.CANT_CREATE, file, 0, null, "cannot open send journal: " + IoFailure.reason(e, file), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public JournalHistory history() {
        return history;
    }

    /**
     * Appends a row, its cells in the order of the file's header (a column signon does not know
     * is left empty); it reaches the disk with the next {@link #sync()} or {@link #syncInBackground()}.
     */
    public void append(JournalEntry entry) {
        Map<String, String> cells = Map.of("time", entry.time().toString(), "status", entry.status().key(),
                "message_id", entry.messageId(), "recipients", addressList(entry.recipients()),
                "subject", entry.subject(), "content_hash", entry.contentHash(), "to", addressList(entry.to()));
        write(WRITE.format(columns.stream().map(c -> cells.getOrDefault(c, "")).toArray()) + "\n");
    }

    /** Forces every appended row to disk (fsync). */
    public void sync() {
        long target = written;
        if (durable.get() >= target) {
            return;
        }
        try {
            force(target);
        } catch (IOException e) {
            throw saveFailure(e);
        }
    }

    /**
     * Starts forcing every row appended so far to disk on the journal's own thread and returns
     * at once: the caller can meanwhile do work that must merely not be <em>completed</em>
     * before the rows are on disk, and then calls {@link Durable#await()}.
     */
    public Durable syncInBackground() {
        long target = written;
        if (durable.get() >= target) {
            return () -> { };
        }
        if (forcer == null) {
            forcer = Background.thread("signon-journal-sync");
        }
        Future<?> forced = forcer.submit(() -> {
            force(target);
            return null;
        });
        return () -> awaitForce(forced);
    }

    /** Rows handed to {@link #syncInBackground()}, on their way to the disk. */
    @FunctionalInterface
    public interface Durable {
        /**
         * Returns once the rows are on disk.
         *
         * @throws MailException IO when they could not be saved or the wait was interrupted
         */
        void await();
    }

    private void force(long target) throws IOException {
        channel.force(false);
        durable.accumulateAndGet(target, Math::max);
    }

    private void awaitForce(Future<?> forced) {
        try {
            forced.get();
        } catch (ExecutionException e) {
            throw saveFailure(e.getCause() instanceof IOException io ? io : new IOException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw saveFailure(new IOException("interrupted"));
        }
    }

    private MailException saveFailure(IOException e) {
        return new MailException(Kind.IO, file, 0, null, "cannot save send journal: " + IoFailure.reason(e, file), e);
    }

    @Override
    public void close() {
        try {
            stopForcer();
            sync();
        } finally {
            try {
                lock.release();
            } catch (IOException e) {
                // Closing the channel releases the lock as well.
            }
            closeQuietly(channel);
        }
    }

    /** A force still running must finish before the file is closed under it. */
    private void stopForcer() {
        if (forcer == null) {
            return;
        }
        forcer.shutdown();
        try {
            forcer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void write(String text) {
        ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        try {
            while (buffer.hasRemaining()) {
                written += channel.write(buffer);
            }
        } catch (IOException e) {
            throw new MailException(Kind.IO, file, 0, null, "cannot write send journal: " + IoFailure.reason(e, file), e);
        }
    }

    private static FileLock lock(Path file, FileChannel channel) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException e) {
            // held by this process: reported below like a lock held by another
        }
        throw new MailException(Kind.TEMPORARY, file, 0,
                "another 'signon send' is sending this letter right now (the journal is locked); wait for it to finish");
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
        channel.position(0);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // keep reading
        }
        return buffer.array();
    }

    /**
     * The rows to keep: signon writes a row with its newline, so a last line without one was
     * torn by a crash and is dropped, unless it reads as a whole row. A journal saved by an
     * editor without a final line end keeps its last row: dropping it forgot a delivery.
     */
    private static byte[] rows(Path file, byte[] bytes) {
        byte[] complete = complete(bytes);
        if (complete.length == bytes.length) {
            return bytes;
        }
        try {
            List<JournalEntry> entries = parse(file, bytes).entries();
            return entries.isEmpty() || whole(entries.get(entries.size() - 1)) ? bytes : complete;
        } catch (MailException e) {
            return complete;
        }
    }

    /**
     * Whether a row read from a last line without its line end is whole. A crash can cut it
     * inside its last column and still leave a row that parses (an unquoted To address, or a
     * content hash when a spreadsheet moved that column last); trusting it would misfile the
     * delivery. Every value signon writes has a shape a cut one lacks.
     */
    private static boolean whole(JournalEntry entry) {
        Set<String> recipients = entry.recipients().stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return entry.contentHash().matches("[0-9a-f]{64}")
                && entry.messageId().startsWith("<") && entry.messageId().endsWith(">")
                && !entry.to().isEmpty()
                && entry.to().stream().allMatch(a -> recipients.contains(a.toLowerCase(Locale.ROOT)));
    }

    /** The bytes up to and including the last newline. */
    private static byte[] complete(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return end == bytes.length ? bytes : Arrays.copyOf(bytes, end);
    }

    /** A journal's header and rows. */
    private record Contents(List<String> columns, List<JournalEntry> entries) {

        JournalHistory history() {
            return new JournalHistory(entries);
        }
    }

    /** The file's text, without the byte-order mark of a journal saved as "CSV UTF-8" by Excel or LibreOffice. */
    private static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Contents parse(Path file, byte[] bytes) {
        if (bytes.length == 0) {
            return new Contents(COLUMNS, List.of());
        }
        List<JournalEntry> entries = new ArrayList<>();
        List<String> columns;
        try (CSVParser parser = CSVParser.parse(new StringReader(text(bytes)), READ)) {
            columns = List.copyOf(parser.getHeaderNames());
            if (!parser.getHeaderNames().containsAll(COLUMNS)) {
                throw new MailException(Kind.DATA, file, 1, "not a signon send journal: the header must be "
                        + String.join(",", COLUMNS));
            }
            for (CSVRecord record : parser) {
                entries.add(entry(file, record, parser.getCurrentLineNumber()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new MailException(Kind.DATA, file, 0, null, "damaged send journal: " + e.getMessage(), e);
        }
        return new Contents(columns, entries);
    }

    private static JournalEntry entry(Path file, CSVRecord record, long line) {
        try {
            JournalStatus status = JournalStatus.parse(record.get("status")).orElseThrow(
                    () -> new IllegalArgumentException("unknown status '" + record.get("status") + "'"));
            return new JournalEntry(Instant.parse(record.get("time")), status, record.get("message_id"),
                    addresses(record.get("recipients")), record.get("subject"), record.get("content_hash"),
                    addresses(record.get("to")));
        } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException | AddressException e) {
            throw new MailException(Kind.DATA, file, line, null, "damaged journal row (" + e.getMessage()
                    + "); fix or delete this line, then run again", e);
        }
    }

    private static String addressList(List<String> addresses) {
        return String.join(", ", addresses.stream().map(SendJournal::quoted).toList());
    }

    private static String quoted(String address) {
        try {
            return new InternetAddress(address).toString();
        } catch (AddressException e) {
            return address;
        }
    }

    private static List<String> addresses(String cell) throws AddressException {
        if (cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(InternetAddress.parse(cell, false)).map(InternetAddress::getAddress).toList();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to save
        }
    }
}
