package org.signon.mail.journal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.signon.SignonException.Kind;
import org.signon.io.IoFailure;
import org.signon.mail.MailException;

/**
 * The send journals of the other letter files in a letter's folder ({@code *.sent.csv}). A
 * journal belongs to the letter's file name, so a letter renamed ({@code git mv}), copied, or
 * sent from a copy would otherwise send the same content again to everyone: its content hash
 * found here stops that. Files that are not signon journals are passed over; one that cannot be
 * read is skipped and reported, never failing a run over another letter's file. Nothing is ever
 * written to them.
 *
 * @param histories what each journal records, by file name
 * @param skipped   why each damaged or unreadable journal was skipped
 */
public record SiblingJournals(List<JournalHistory> histories, List<MailException> skipped) {

    private static final String SUFFIX = ".sent.csv";

    public SiblingJournals {
        histories = List.copyOf(histories);
        skipped = List.copyOf(skipped);
    }

    /**
     * Reads, once each, the journals beside {@code ownJournal} (see {@link SendJournal#pathFor}),
     * leaving out that one.
     *
     * @throws MailException NO_INPUT when the folder itself cannot be listed
     */
    public static SiblingJournals beside(Path ownJournal) {
        List<JournalHistory> histories = new ArrayList<>();
        List<MailException> skipped = new ArrayList<>();
        for (Path file : candidates(ownJournal)) {
            try {
                SendJournal.readOther(file).ifPresent(histories::add);
            } catch (MailException e) {
                skipped.add(e);
            }
        }
        return new SiblingJournals(histories, skipped);
    }

    /** Regular files named {@code *.sent.csv} in the folder, but {@code ownJournal}, by name. */
    private static List<Path> candidates(Path ownJournal) {
        Path parent = ownJournal.getParent();
        Path folder = parent == null ? Path.of("") : parent;
        Path own = ownJournal.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.toAbsolutePath(), "*" + SUFFIX)) {
            for (Path entry : entries) {
                Path file = parent == null ? entry.getFileName() : parent.resolve(entry.getFileName());
                if (!entry.normalize().equals(own) && Files.isRegularFile(entry)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new MailException(Kind.NO_INPUT, folder, 0, null,
                    "cannot list the folder for other letters' send journals: " + IoFailure.reason(e, folder), e);
        }
        files.sort(null);
        return files;
    }
}
