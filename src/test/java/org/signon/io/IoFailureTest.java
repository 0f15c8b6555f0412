package org.signon.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoFailureTest {

    @TempDir
    Path dir;

    @Test
    void aDeniedTemporaryFileIsNamedByItsFolderNotItsRandomName() {
        Path out = dir.resolve("out.txt");
        Path temp = dir.resolve(AtomicFile.temporaryName("out.txt"));

        assertThat(IoFailure.reason(new AccessDeniedException(temp.toString()), out))
                .isEqualTo("permission denied (in " + dir + ")");
    }

    @Test
    void aFileInsideAStagingFolderIsNamedByTheFolderTheStagingFolderIsIn() {
        Path staging = dir.resolve(AtomicFile.temporaryName("preview"));

        assertThat(IoFailure.reason(new AccessDeniedException(staging.resolve("001-a-example-com.eml").toString()),
                dir.resolve("preview/001-a-example-com.eml"))).isEqualTo("permission denied (in " + dir + ")");
    }

    @Test
    void theTargetItselfIsNotRepeatedAndAnotherPathIsShown() {
        Path journal = dir.resolve("letter.sent.csv");

        assertThat(IoFailure.reason(new AccessDeniedException(journal.toString()), journal)).isEqualTo("permission denied");
        assertThat(IoFailure.reason(new AccessDeniedException(dir.resolve("sub").toString()), dir.resolve("sub/out.html")))
                .isEqualTo("permission denied (" + dir.resolve("sub") + ")");
        assertThat(IoFailure.reason(new NoSuchFileException(journal.toString()), journal)).isEqualTo("no such file or folder");
    }

    @Test
    void theSystemsOwnReasonIsKeptAndAPlainIoErrorKeepsItsMessage() {
        Path file = dir.resolve("out.txt");

        assertThat(IoFailure.reason(new FileSystemException(file.toString(), null, "Read-only file system"), file))
                .isEqualTo("Read-only file system");
        assertThat(IoFailure.reason(new IOException("No space left on device"), file)).isEqualTo("No space left on device");
        assertThat(IoFailure.reason(new IOException(), file)).isEqualTo("IOException");
    }

    @Test
    void theUsersOwnDotFileIsNotTakenForATemporaryOne() {
        Path hidden = dir.resolve(".config");

        assertThat(IoFailure.reason(new AccessDeniedException(hidden.toString()), dir.resolve("x")))
                .isEqualTo("permission denied (" + hidden + ")");
    }

    @Test
    void aFileWhereAFolderWasToBeMadeIsSaidInWordsNotAsAJavaClass() throws IOException {
        Path file = java.nio.file.Files.writeString(dir.resolve("notes"), "x");
        Path out = file.resolve("letter.txt");

        assertThat(IoFailure.reason(new java.nio.file.FileAlreadyExistsException(file.toString()), out))
                .isEqualTo("a file, not a folder (" + file + ")");
        assertThat(IoFailure.reason(new java.nio.file.FileAlreadyExistsException(out.toString()), out)).isEqualTo("already exists");
    }
}
