package org.signon.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.SignonException;

class StagedFolderTest {

    private static final int MAX_FILES_PER_WRITER = 1_000;

    @TempDir
    Path dir;

    @Test
    void filesAppearOnlyWhenPublishedAndTheFolderIsNew() throws Exception {
        Path target = dir.resolve("a/b/preview");
        try (StagedFolder folder = StagedFolder.open(target)) {
            assertThat(folder.write("1.eml", bytes("one"))).isEqualTo(target.resolve("1.eml"));
            folder.write("2.eml", bytes("two"));
            assertThat(target).doesNotExist();

            folder.publish();
        }
        assertThat(names(target)).containsExactly("1.eml", "2.eml");
        assertThat(target.resolve("2.eml")).hasContent("two");
        assertThat(names(target.getParent())).containsExactly("preview");
    }

    @Test
    void closedWithoutPublishingLeavesNothing() throws Exception {
        Path target = dir.resolve("preview");
        try (StagedFolder folder = StagedFolder.open(target)) {
            folder.write("1.eml", bytes("one"));
        }
        assertThat(target).doesNotExist();
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void anExistingFolderGetsTheNewFilesAndKeepsTheOthers() throws Exception {
        Path target = Files.createDirectories(dir.resolve("preview"));
        Files.writeString(target.resolve("1.eml"), "old one");
        Files.writeString(target.resolve("notes.txt"), "mine");
        try (StagedFolder folder = StagedFolder.open(target)) {
            folder.write("1.eml", bytes("new one"));
            folder.write("2.eml", bytes("two"));
            folder.publish();
        }
        assertThat(names(target)).containsExactly("1.eml", "2.eml", "notes.txt");
        assertThat(target.resolve("1.eml")).hasContent("new one");
        assertThat(target.resolve("notes.txt")).hasContent("mine");
        assertThat(names(dir)).containsExactly("preview");
    }

    @Test
    void anExistingFolderStagesInsideItselfSoItsParentNeedNotBeWritable() throws Exception {
        Path target = Files.createDirectories(dir.resolve("preview"));
        try (StagedFolder folder = StagedFolder.open(target)) {
            folder.write("1.eml", bytes("one"));

            assertThat(names(dir)).as("nothing beside the folder").containsExactly("preview");
            assertThat(names(target)).singleElement().asString().startsWith(".preview.").endsWith(".tmp");

            folder.publish();
        }
        assertThat(names(target)).containsExactly("1.eml");
    }

    @Test
    void theWorkingFolderItselfCanBeTheTarget() throws Exception {
        Path target = Files.createDirectories(dir.resolve("work")).resolve(".");
        try (StagedFolder folder = StagedFolder.open(target)) {
            folder.write("1.eml", bytes("one"));
            folder.publish();
        }
        assertThat(names(dir.resolve("work"))).containsExactly("1.eml");
        assertThat(names(dir)).containsExactly("work");
    }

    @Test
    void aFileThatCannotTakeItsPlaceIsNamedAndTheRestIsRemoved() throws Exception {
        Path target = Files.createDirectories(dir.resolve("preview"));
        Files.writeString(Files.createDirectories(target.resolve("2.eml")).resolve("keep"), "in the way");
        try (StagedFolder folder = StagedFolder.open(target)) {
            for (String name : List.of("1.eml", "2.eml", "3.eml")) {
                folder.write(name, bytes(name));
            }
            assertThatThrownBy(folder::publish).isInstanceOf(SignonException.class)
                    .hasMessageContaining("cannot write")
                    .satisfies(e -> assertThat(((SignonException) e).file()).isEqualTo(target.resolve("2.eml")));
        }
        assertThat(names(target)).containsExactly("1.eml", "2.eml");
        assertThat(target.resolve("2.eml")).isDirectory();
        assertThat(names(dir)).as("no staging folder is left").containsExactly("preview");
    }

    @Test
    void stoppedWhileFilesAreStillBeingWrittenLeavesNoStagingFolder() throws Exception {
        Path target = dir.resolve("preview");
        try (StagedFolder folder = StagedFolder.open(target)) {
            AtomicInteger written = new AtomicInteger();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                String prefix = "w" + w + "-";
                Thread writer = new Thread(() -> {
                    // As the dry run's parallel stream, which goes on writing while the shutdown
                    // hook runs; bounded, so that a folder that is never discarded cannot fill the disk.
                    for (int i = 0; i < MAX_FILES_PER_WRITER; i++) {
                        try {
                            folder.write(prefix + i + ".eml", bytes("message " + i));
                        } catch (SignonException stopped) {
                            return;
                        }
                        written.incrementAndGet();
                    }
                });
                writer.start();
                writers.add(writer);
            }
            while (written.get() < 500 && writers.stream().anyMatch(Thread::isAlive)) {
                Thread.onSpinWait();
            }

            folder.discard();
            for (Thread writer : writers) {
                writer.join();
            }

            assertThat(names(dir)).as("no staging folder left, with or without files").isEmpty();
            assertThatThrownBy(folder::publish).isInstanceOf(SignonException.class).hasMessageContaining("stopping");
            assertThat(target).doesNotExist();
        }
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path target = Files.writeString(dir.resolve("preview"), "a file");

        assertThatThrownBy(() -> StagedFolder.open(target)).isInstanceOf(SignonException.class)
                .hasMessageContaining("not a folder");
        assertThat(names(dir)).containsExactly("preview");
    }

    @Test
    void newFilesAreReadableByOthersLikeAnyFileTheUserCreates() throws Exception {
        Path target = dir.resolve("preview");
        try (StagedFolder folder = StagedFolder.open(target)) {
            folder.write("1.eml", bytes("one"));
            folder.publish();
        }
        assertThat(Files.getPosixFilePermissions(target.resolve("1.eml")))
                .as("what any new file gets under this umask, as a private temporary file would not")
                .isEqualTo(IoTestFiles.plainNewFilePermissions(dir));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).sorted().toList();
        }
    }
}
