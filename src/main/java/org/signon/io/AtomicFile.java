package org.signon.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.concurrent.ThreadLocalRandom;
import org.signon.SignonException;
import org.signon.SignonException.Kind;

/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * part: the bytes go to a temporary file in the same folder, forced to disk, which is then
 * renamed over the target. Forcing first means a crash or power cut right after the rename
 * cannot leave an empty file where the letter was (file systems may write the rename before
 * the data).
 */
public final class AtomicFile {

    /** Room for the dot, a random suffix and ".tmp" within a 255-byte file name, even in UTF-8. */
    private static final int TEMP_STEM = 60;
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.tmp");
    private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final FileAttribute<Set<PosixFilePermission>> NEW_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));

    private AtomicFile() {
    }

    public static void write(Path target, byte[] content) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            Set<PosixFilePermission> replaced = posix && Files.exists(absolute) ? Files.getPosixFilePermissions(absolute) : null;
            temp = writeTemp(dir, absolute.getFileName().toString(), content, posix);
            if (replaced != null) {
                keepPermissions(temp, replaced);
            }
            move(temp, absolute);
            forceQuietly(dir);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new SignonException(Kind.CANT_CREATE, target, 0, null,
                    "cannot write: " + IoFailure.reason(e, target), e);
        }
    }

    /**
     * The content in a new file next to the target, created, written and forced through one
     * open. The file is created rw-r--r-- (less what the umask removes), like any other file
     * the user creates; a temporary file from {@link Files#createTempFile} would be private.
     */
    private static Path writeTemp(Path dir, String name, byte[] content, boolean posix) throws IOException {
        for (int tries = 0; ; tries++) {
            Path temp = dir.resolve(temporaryName(name));
            try {
                writeNew(temp, content, posix, true);
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (tries >= 10) {
                    throw e;
                }
            } catch (IOException e) {
                deleteQuietly(temp);
                throw e;
            }
        }
    }

    /** A hidden name beside {@code name} for a temporary file or folder, random so that runs do not collide. */
    /** Whether a file name is one {@link #temporaryName} makes. */
    static boolean isTemporaryName(String name) {
        return TEMPORARY.matcher(name).matches();
    }

    static String temporaryName(String name) {
        // Cut so that the temporary name is no longer than the target's (file systems allow 255 bytes).
        int cut = Character.isHighSurrogate(name.charAt(Math.min(name.length(), TEMP_STEM) - 1)) ? TEMP_STEM - 1 : TEMP_STEM;
        String stem = name.length() > cut ? name.substring(0, cut) : name;
        return "." + stem + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp";
    }

    /**
     * Creates {@code file}, which must not exist, rw-r--r-- (less what the umask removes), like
     * any other file the user creates, and writes the content through that one open; with
     * {@code force}, on disk before it returns.
     */
    static void writeNew(Path file, byte[] content, boolean posix, boolean force) throws IOException {
        FileAttribute<?>[] attributes = posix ? new FileAttribute<?>[] {NEW_FILE} : new FileAttribute<?>[0];
        try (FileChannel channel = FileChannel.open(file, CREATE_NEW, attributes)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (force) {
                channel.force(true);
            }
        }
    }

    /**
     * Forces a folder's entries (the rename) to disk where the system allows opening a folder;
     * elsewhere (Windows) the rename is as durable as the system makes it.
     */
    private static void forceQuietly(Path dir) {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The file is written and in place; only its durability across a power cut is unknown.
        }
    }

    /** A replaced file keeps its permissions (a letter someone made group-writable stays so). */
    private static void keepPermissions(Path temp, Set<PosixFilePermission> permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(temp, permissions);
        } catch (FileSystemException | UnsupportedOperationException e) {
            // A store without POSIX permissions (a FAT USB stick): the file is written all the same.
        }
    }

    static void move(Path temp, Path target) throws IOException {
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
}
