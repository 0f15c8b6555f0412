package org.signon.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Why a file operation failed, in the words an error line uses: "permission denied", not
 * "AccessDeniedException /tmp/ro/.out.txt.3f2a.tmp". The Java exception names nothing a user
 * knows, and the path it carries may be a temporary file the user never asked for.
 */
public final class IoFailure {

    private IoFailure() {
    }

    /**
     * @param e      what the file system said
     * @param target the file the error line already names: not repeated
     */
    public static String reason(IOException e, Path target) {
        if (e instanceof FileSystemException failure) {
            return words(failure) + where(failure.getFile(), target);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String words(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            // Where a folder was to be made (render -o DIR/x.txt), a file of that name is in the way.
            return e.getFile() != null && Files.isRegularFile(Path.of(e.getFile())) ? "a file, not a folder" : "already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        String reason = e.getReason();
        return reason == null || reason.isBlank() ? e.getClass().getSimpleName() : reason;
    }

    /** The path that failed, unless it is the target; a staging or temporary name as its folder. */
    private static String where(String file, Path target) {
        if (file == null) {
            return "";
        }
        Path failed = Path.of(file);
        if (target != null && failed.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            return "";
        }
        for (Path part = failed; part != null && part.getFileName() != null; part = part.getParent()) {
            if (AtomicFile.isTemporaryName(part.getFileName().toString())) {
                return part.getParent() == null ? "" : " (in " + part.getParent() + ")";
            }
        }
        return " (" + failed.normalize() + ")";
    }
}
