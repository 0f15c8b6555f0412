package org.signon.mail.message;

import jakarta.mail.Session;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.signon.SignonException;
import org.signon.io.StagedFolder;
import org.signon.mail.Background;

/**
 * Writes messages as RFC 5322 {@code .eml} files that Thunderbird, Outlook and Apple Mail open:
 * {@code 001-jane-doe-example-com.eml}, numbered by position so that a folder listing shows the
 * batch in order. The files appear together when the run {@link #publish()}es them; a run that
 * stops before that leaves none (see {@link StagedFolder}).
 */
public final class EmlFiles implements AutoCloseable {

    private final StagedFolder folder;
    private final Path dir;
    private final int width;
    /** The names this run wrote, to tell its files from older ones in an existing folder. */
    private final Set<String> names = new HashSet<>();
    /** Creates the files of one slice while the caller builds the next; made on first use. */
    private ExecutorService writer;
    /** The files of the slice being created, or of the last one. */
    private Future<?> writing = CompletableFuture.completedFuture(null);

    /** @param total how many messages the batch holds, to pad the numbers alike */
    EmlFiles(StagedFolder folder, Path dir, int total) {
        this.folder = folder;
        this.dir = dir;
        this.width = Math.max(3, Integer.toString(total).length());
    }

    /**
     * Prepares to write {@code total} messages into {@code dir}.
     *
     * @throws org.signon.SignonException CANT_CREATE when {@code dir} is a file or cannot be made
     */
    public static EmlFiles open(Path dir, int total) {
        return new EmlFiles(StagedFolder.open(dir), dir, total);
    }

    /**
     * Builds each message on every core (messages are independent), then hands the files to
     * one writer thread and returns while it creates them, so that the kernel's work of creating
     * files overlaps the caller's rendering of the next slice. One thread, because threads
     * creating files in one folder queue on the folder's lock in the kernel, and spinning there
     * cost more than the writes (a 10,000-message preview spent a third of its time so). At most
     * one slice waits to be written: this call first waits for the slice before it. A failure to
     * build is thrown before any file of the slice is written; a failure to write, by the next
     * call or by {@link #publish()}.
     *
     * @return where each file will be once published, in the order of {@code messages}
     */
    public List<Path> writeAll(List<OutgoingMessage> messages, Session session, String dateHeader) {
        List<byte[]> built = messages.parallelStream()
                .map(message -> MimeMessages.toBytes(MimeMessages.build(message, session, dateHeader)))
                .toList();
        awaitWriting();
        List<String> fileNames = messages.stream().map(this::fileName).toList();
        names.addAll(fileNames);
        if (writer == null) {
            writer = Background.thread("signon-eml-writer");
        }
        writing = writer.submit(() -> {
            for (int i = 0; i < built.size(); i++) {
                folder.write(fileNames.get(i), built.get(i));
            }
        });
        return fileNames.stream().map(dir::resolve).toList();
    }

    /** Waits until the files handed to the writer exist; rethrows what stopped it. */
    private void awaitWriting() {
        try {
            Background.result(writing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignonException(SignonException.Kind.CANT_CREATE, dir, 0, null, "cannot write: interrupted", e);
        }
    }

    /** Puts every file written into the folder. */
    public void publish() {
        awaitWriting();
        folder.publish();
    }

    /**
     * How many other {@code .eml} files the folder holds once published: an earlier preview's
     * files stay beside this run's (signon deletes no file it did not write in this run), and a
     * message to someone no longer on the contact list must not look like part of this batch.
     * Best effort: 0 when the folder cannot be read.
     */
    public int olderFiles() {
        int older = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.eml")) {
            for (Path entry : entries) {
                if (!names.contains(entry.getFileName().toString()) && Files.isRegularFile(entry)) {
                    older++;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return older;
    }

    /** Deletes the files of a run that was not published. */
    @Override
    public void close() {
        if (writer != null) {
            // The slice being written when the run fails finishes before the staging folder goes.
            writer.shutdown();
            try {
                writing.get();
            } catch (ExecutionException e) {
                // The failure that closes this run early is the one reported.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        folder.close();
    }

    String fileName(OutgoingMessage message) {
        String number = Integer.toString(message.position());
        return "0".repeat(Math.max(0, width - number.length())) + number + "-"
                + slug(message.envelope().to().get(0).getAddress()) + ".eml";
    }

    /**
     * The address in lower case with every run of other characters than a-z and 0-9 as one
     * hyphen, none at either end, at most 60 characters. A loop, not regular expressions:
     * a dry run names thousands of files.
     */
    static String slug(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && slug.length() > 0) {
                    slug.append('-');
                }
                slug.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return slug.length() > 60 ? slug.substring(0, 60) : slug.toString();
    }
}
