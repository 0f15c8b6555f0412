package org.signon.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.signon.SignonException;
import org.signon.SignonException.Kind;

/**
 * A folder of new files that appears all at once or not at all. Files are written into a
 * hidden staging folder: beside a target that does not exist yet, which {@link #publish()}
 * then renames to the target (one atomic step); inside an existing target (it may be the
 * working folder, whose parent need not be writable), from which publish moves the files up
 * one by one, each replacing its namesake atomically. Closed unpublished, the staging folder
 * is deleted: a run that fails half-way leaves nothing behind.
 *
 * <p>Writing straight into the staging folder also spares thousands of files a temporary name,
 * a rename and two checks each. Unlike {@link AtomicFile} the files are not forced to disk one
 * by one: they are previews, cheap to write again. {@link #write} may be called from several
 * threads. Writes share a lock that publishing and discarding take alone: a Ctrl-C while the
 * files are written or published waits for the file or the move under way, so that it leaves
 * neither the staging folder behind (a file written after the folder was listed for deletion)
 * nor a published folder missing files (deleted from under the rename).
 */
public final class StagedFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private final boolean posix;
    /** Removes the staging folder when the run is stopped (Ctrl-C) before {@link #close()}. */
    private final Thread onExit;
    /** Shared by writes; {@link #publish()} and {@link #discard()} take it alone. */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** Guarded by {@link #lock}. */
    private boolean published;
    /** Guarded by {@link #lock}: the staging folder is gone, and nothing more is written or published. */
    private boolean discarded;

    private StagedFolder(Path target, Path staging, boolean posix) {
        this.target = target;
        this.staging = staging;
        this.posix = posix;
        this.onExit = new Thread(this::discard, "signon-staged-folder");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Creates the staging folder: inside {@code target} when it exists, else beside it (making
     * the target's parent folders).
     *
     * @throws SignonException CANT_CREATE when the target is a file or nothing can be created
     */
    public static StagedFolder open(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new SignonException(Kind.CANT_CREATE, target, 0, null, "cannot write: not a folder", null);
        }
        try {
            Path home = Files.isDirectory(absolute) ? absolute : Files.createDirectories(absolute.getParent());
            Path staging = createStaging(home, absolute.getFileName() == null ? "signon" : absolute.getFileName().toString());
            return new StagedFolder(target, staging, home.getFileSystem().supportedFileAttributeViews().contains("posix"));
        } catch (IOException e) {
            throw new SignonException(Kind.CANT_CREATE, target, 0, null, "cannot write: " + IoFailure.reason(e, target), e);
        }
    }

    private static Path createStaging(Path parent, String name) throws IOException {
        for (int tries = 0; ; tries++) {
            Path staging = parent.resolve(AtomicFile.temporaryName(name));
            try {
                return Files.createDirectory(staging);
            } catch (FileAlreadyExistsException e) {
                if (tries >= 10) {
                    throw e;
                }
            }
        }
    }

    /** Where {@code name} will be once published: the path to show and to report. */
    private Path resolve(String name) {
        return target.resolve(name);
    }

    /**
     * Writes a new file (rw-r--r-- less the umask) into the staging folder.
     *
     * @return where the file will be once published
     * @throws SignonException CANT_CREATE naming the published path, also when the run is
     *                         stopping (the staging folder was discarded)
     */
    public Path write(String name, byte[] content) {
        Path file = staging.resolve(name);
        lock.readLock().lock();
        try {
            if (discarded) {
                throw new SignonException(Kind.CANT_CREATE, resolve(name), 0, null, "cannot write: the run is stopping", null);
            }
            AtomicFile.writeNew(file, content, posix, false);
        } catch (IOException e) {
            throw new SignonException(Kind.CANT_CREATE, resolve(name), 0, null, "cannot write: " + IoFailure.reason(e, resolve(name)), e);
        } finally {
            lock.readLock().unlock();
        }
        return resolve(name);
    }

    /**
     * Makes the files visible at the target. Into an existing folder the files move in name
     * order; if one cannot (a folder in its place), the files before it are in place, the rest
     * are deleted with the staging folder on {@link #close()}.
     *
     * @throws SignonException CANT_CREATE naming the file or folder that could not be placed,
     *                         or the target when the run is stopping
     */
    public void publish() {
        lock.writeLock().lock();
        try {
            if (discarded) {
                throw new SignonException(Kind.CANT_CREATE, target, 0, null, "cannot write: the run is stopping", null);
            }
            moveIntoPlace();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void moveIntoPlace() {
        Path absolute = target.toAbsolutePath().normalize();
        if (!staging.getParent().equals(absolute) && !Files.exists(absolute)) {
            try {
                Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
                published = true;
                return;
            } catch (IOException e) {
                if (!Files.exists(absolute)) {
                    throw new SignonException(Kind.CANT_CREATE, target, 0, null, "cannot write: " + IoFailure.reason(e, target), e);
                }
                // Created by someone else meanwhile: move the files in as into any existing folder.
            }
        }
        for (Path file : stagedFiles()) {
            String name = file.getFileName().toString();
            try {
                AtomicFile.move(file, absolute.resolve(name));
            } catch (IOException e) {
                throw new SignonException(Kind.CANT_CREATE, resolve(name), 0, null, "cannot write: " + IoFailure.reason(e, resolve(name)), e);
            }
        }
    }

    private List<Path> stagedFiles() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new SignonException(Kind.CANT_CREATE, target, 0, null, "cannot write: " + IoFailure.reason(e, target), e);
        }
        files.sort(Comparator.comparing(file -> file.getFileName().toString()));
        return files;
    }

    /** Deletes what was not published. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it deletes the staging folder.
        }
        discard();
    }

    /**
     * Deletes the staging folder unless it was published, once no file is being written or
     * moved; later writes and {@link #publish()} fail. What the shutdown hook runs (Ctrl-C);
     * package-private so that tests can stop a run at a moment of their choosing.
     */
    void discard() {
        lock.writeLock().lock();
        try {
            if (published) {
                return;
            }
            discarded = true;
            deleteStaging();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void deleteStaging() {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(staging)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // Cleaning up after a failure: that failure is the error worth reporting.
        }
    }
}
