package org.signon.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * threads.
 */
public final class StagedFolder implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private final boolean posix;
    /** Removes the staging folder when the run is stopped (Ctrl-C) before {@link #close()}. */
    private final Thread onExit;
    private boolean published;

    private StagedFolder(Path target, Path staging, boolean posix) {
        this.target = target;
        this.staging = staging;
        this.posix = posix;
        this.onExit = new Thread(this::deleteStaging, "signon-staged-folder");
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
            throw new SignonException(Kind.CANT_CREATE, target, 0, null, "cannot write: " + AtomicFile.reason(e), e);
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
    public Path resolve(String name) {
        return target.resolve(name);
    }

    /**
     * Writes a new file (rw-r--r-- less the umask) into the staging folder.
     *
     * @return where the file will be once published
     * @throws SignonException CANT_CREATE naming the published path
     */
    public Path write(String name, byte[] content) {
        Path file = staging.resolve(name);
        try {
            AtomicFile.writeNew(file, content, posix, false);
        } catch (IOException e) {
            throw new SignonException(Kind.CANT_CREATE, resolve(name), 0, null, "cannot write: " + AtomicFile.reason(e), e);
        }
        return resolve(name);
    }

    /**
     * Makes the files visible at the target. Into an existing folder the files move in name
     * order; if one cannot (a folder in its place), the files before it are in place, the rest
     * are deleted with the staging folder on {@link #close()}.
     *
     * @throws SignonException CANT_CREATE naming the file or folder that could not be placed
     */
    public void publish() {
        Path absolute = target.toAbsolutePath().normalize();
        if (!staging.getParent().equals(absolute) && !Files.exists(absolute)) {
            try {
                Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
                published = true;
                return;
            } catch (IOException e) {
                if (!Files.exists(absolute)) {
                    throw new SignonException(Kind.CANT_CREATE, target, 0, null, "cannot write: " + AtomicFile.reason(e), e);
                }
                // Created by someone else meanwhile: move the files in as into any existing folder.
            }
        }
        for (Path file : stagedFiles()) {
            String name = file.getFileName().toString();
            try {
                AtomicFile.move(file, absolute.resolve(name));
            } catch (IOException e) {
                throw new SignonException(Kind.CANT_CREATE, resolve(name), 0, null, "cannot write: " + AtomicFile.reason(e), e);
            }
        }
    }

    private List<Path> stagedFiles() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new SignonException(Kind.CANT_CREATE, target, 0, null, "cannot write: " + AtomicFile.reason(e), e);
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
        deleteStaging();
    }

    private void deleteStaging() {
        if (published || !Files.exists(staging)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(staging)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // Cleaning up after a failure: that failure is the error worth reporting.
        }
    }
}
