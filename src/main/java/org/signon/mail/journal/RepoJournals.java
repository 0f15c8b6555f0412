package org.signon.mail.journal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.signon.SignonException.Kind;
import org.signon.io.IoFailure;
import org.signon.mail.MailException;

/**
 * The send journals elsewhere in the git work tree a letter is in. A letter moved to another
 * folder of a campaign repo ({@code git mv letters/x.md letters/2025/x.md}) leaves its journal
 * behind and arrives with none: without these it would send everyone the same letter again.
 * Hidden folders (.git) and node_modules are passed over, and the walk is bounded so that a
 * letter in a huge tree (a home folder under git) costs a warning, not minutes.
 *
 * @param files       the {@code *.sent.csv} files found, by path
 * @param notSearched folders that could not be read, or the bound reached
 */
record RepoJournals(List<Path> files, List<MailException> notSearched) {

    /** Entries looked at before giving up: far more than any campaign repo holds. */
    static final int MAX_ENTRIES = 50_000;

    RepoJournals {
        files = List.copyOf(files);
        notSearched = List.copyOf(notSearched);
    }

    /** The work tree holding {@code folder}: the nearest folder above it with a {@code .git} entry. */
    static Optional<Path> rootOf(Path folder) {
        for (Path dir = folder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            // A folder for a repository, a file for a worktree or submodule.
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** Every regular file named {@code *suffix} under {@code root}, absolute, in path order. */
    static RepoJournals under(Path root, String suffix, int maxEntries) {
        List<Path> files = new ArrayList<>();
        List<MailException> notSearched = new ArrayList<>();
        int[] seen = {0};
        try {
            // No bound on depth: the count of entries bounds the walk, and a depth bound would pass
            // over a deep journal without a word. No link is followed, so no loop either.
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean passedOver = !dir.equals(root) && (name.startsWith(".") || name.equals("node_modules"));
                    return passedOver ? FileVisitResult.SKIP_SUBTREE : counted();
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().endsWith(suffix)) {
                        files.add(file);
                    }
                    return counted();
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    notSearched.add(new MailException(Kind.NO_INPUT, file, 0, null,
                            "cannot be looked through: " + IoFailure.reason(e, file), e));
                    return counted();
                }

                private FileVisitResult counted() {
                    if (++seen[0] < maxEntries) {
                        return FileVisitResult.CONTINUE;
                    }
                    notSearched.add(new MailException(Kind.NO_INPUT, root, 0, null, "holds more than " + maxEntries
                            + " files and folders: looked through in part", null));
                    return FileVisitResult.TERMINATE;
                }
            });
        } catch (IOException e) {
            notSearched.add(new MailException(Kind.NO_INPUT, root, 0, null,
                    "cannot be looked through: " + IoFailure.reason(e, root), e));
        }
        files.sort(null);
        return new RepoJournals(files, notSearched);
    }
}
