package org.signon.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Helpers for tests of files signon writes. */
final class IoTestFiles {

    private IoTestFiles() {
    }

    /**
     * The permissions a plain new file gets in {@code dir} under this process's umask, limited
     * to rw-r--r--: what the user expects of any file a tool writes for them.
     */
    static Set<PosixFilePermission> plainNewFilePermissions(Path dir) throws IOException {
        Path reference = Files.createFile(dir.resolve(".reference-" + System.nanoTime()));
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(reference);
            permissions.retainAll(PosixFilePermissions.fromString("rw-r--r--"));
            return permissions;
        } finally {
            Files.delete(reference);
        }
    }
}
