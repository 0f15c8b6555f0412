package org.signon.mail.journal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.signon.SignonException.Kind;
import org.signon.io.IoFailure;
import org.signon.mail.MailException;

/**
 * The send journals of the other letter files in a letter's folder ({@code *.sent.csv}) and, in
 * a git work tree, anywhere in it ({@link RepoJournals}). A journal belongs to the letter's file
 * name, so a letter renamed or moved ({@code git mv}), copied, or sent from a copy would
 * otherwise send the same content again to everyone: its content hash found here stops that.
 * Files that are not signon journals are passed over; one that cannot be read is skipped and
 * reported, never failing a run over another letter's file. Nothing is ever written to them.
 *
 * @param histories   what each journal records, by file name
 * @param skipped     why each damaged or unreadable journal was skipped
 * @param notSearched the parts of the work tree that were not looked through, and why
 */
public record SiblingJournals(List<JournalHistory> histories, List<MailException> skipped, List<MailException> notSearched) {

    private static final String SUFFIX = ".sent.csv";

    public SiblingJournals {
        histories = List.copyOf(histories);
        skipped = List.copyOf(skipped);
        notSearched = List.copyOf(notSearched);
    }

    /**
     * Reads, once each, the journals beside {@code ownJournal} (see {@link SendJournal#pathFor})
     * and, when the letter is in a git work tree, the others anywhere in it (a letter moved to
     * another folder left its journal behind), leaving out that one.
     *
     * @throws MailException NO_INPUT when the letter's folder itself cannot be listed
     */
    public static SiblingJournals beside(Path ownJournal) {
        return beside(ownJournal, RepoJournals.MAX_ENTRIES);
    }

    static SiblingJournals beside(Path ownJournal, int maxRepoEntries) {
        List<JournalHistory> histories = new ArrayList<>();
        List<MailException> skipped = new ArrayList<>();
        List<MailException> notSearched = new ArrayList<>();
        List<Path> files = candidates(ownJournal);
        Path named = folderOf(ownJournal).toAbsolutePath().normalize();
        Path folder = real(named);
        Set<Path> found = new LinkedHashSet<>();
        for (Path root : workTrees(named, folder)) {
            RepoJournals repo = RepoJournals.under(root, SUFFIX, maxRepoEntries);
            notSearched.addAll(repo.notSearched());
            for (Path file : repo.files()) {
                if (!file.getParent().equals(folder) && found.add(file)) {
                    files.add(shown(file, ownJournal));
                }
            }
        }
        for (Path file : files) {
            try {
                SendJournal.readOther(file).ifPresent(histories::add);
            } catch (MailException e) {
                skipped.add(e);
            }
        }
        return new SiblingJournals(histories, skipped, notSearched);
    }

    /** Regular files named {@code *.sent.csv} in the folder, but {@code ownJournal}, by name. */
    private static List<Path> candidates(Path ownJournal) {
        Path parent = ownJournal.getParent();
        Path folder = folderOf(ownJournal);
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

    private static Path folderOf(Path ownJournal) {
        return ownJournal.getParent() == null ? Path.of("") : ownJournal.getParent();
    }

    /**
     * The work trees to walk, each from its real path, since a walk that follows no links stops
     * at a link: the one the letter's folder is in as named ({@code ~/campaign}, a link to
     * {@code ~/Dropbox/campaign}), and the one its real folder is in (a {@code letters} folder
     * linked from elsewhere), once when they are the same.
     */
    private static Set<Path> workTrees(Path named, Path real) {
        Set<Path> roots = new LinkedHashSet<>();
        RepoJournals.rootOf(named).map(SiblingJournals::real).ifPresent(roots::add);
        RepoJournals.rootOf(real).ifPresent(roots::add);
        return roots;
    }

    /** {@code path} with every link resolved, to tell one folder from another however it was named. */
    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    /** A journal found in the work tree, named as the letter was: relative to here when it was. */
    private static Path shown(Path found, Path ownJournal) {
        return ownJournal.isAbsolute() ? found : Path.of("").toAbsolutePath().relativize(found);
    }
}
