package org.signon.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.SignonException;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void writesANewFileInNewFoldersReadableLikeAnyOtherAndLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("out/nested/letter.txt");

        AtomicFile.write(target, "Dear Example,\n".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("Dear Example,");
        assertThat(Files.getPosixFilePermissions(target))
                .as("what any new file gets under this umask, as a private temporary file would not")
                .isEqualTo(IoTestFiles.plainNewFilePermissions(target.getParent()));
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aNameAsLongAsTheFileSystemAllowsStillWorks() throws Exception {
        Path target = dir.resolve("é".repeat(60) + "x".repeat(130) + ".eml");

        AtomicFile.write(target, "long".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("long");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void replacingAFileKeepsItsPermissions() throws Exception {
        Path target = dir.resolve("letter.html");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));

        AtomicFile.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-rw----");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = dir.resolve("letter.txt");
        Files.writeString(target, "old");
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "a file where a folder should be");

        assertThatThrownBy(() -> AtomicFile.write(blocker.resolve("letter.txt"), new byte[] {1}))
                .isInstanceOf(SignonException.class)
                .hasMessageContaining("cannot write");

        assertThat(target).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(target, blocker);
        }
    }
}
