package org.signon.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.signon.SignonException;
import org.signon.SignonException.Kind;

/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * part: the bytes go to a temporary file in the same folder, which is then renamed over the
 * target.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    public static void write(Path target, byte[] content) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            Files.write(temp, content);
            keepUsualPermissions(temp, absolute);
            move(temp, absolute);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new SignonException(Kind.CANT_CREATE, target, 0, null,
                    "cannot write: " + reason(e), e);
        }
    }

    /**
     * Temporary files are private (rw-------); the finished file should read like any other
     * the user creates: the old file's permissions when replacing one, else rw-r--r--.
     */
    private static void keepUsualPermissions(Path temp, Path target) throws IOException {
        // Asking the file system, not Files.getFileStore: that reads the mount table on every
        // call, which costs more than the write itself when a run writes thousands of files.
        if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        try {
            Files.setPosixFilePermissions(temp, permissions);
        } catch (FileSystemException | UnsupportedOperationException e) {
            // A store without POSIX permissions (a FAT USB stick): the file is written all the same.
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The write already failed; that is the error worth reporting.
        }
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
