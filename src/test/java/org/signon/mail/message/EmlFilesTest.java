package org.signon.mail.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signon.SignonException;
import org.signon.mail.MailFixtures;

class EmlFilesTest {

    /** The file name rule as first written, with regular expressions. */
    private static String slugByRegex(String address) {
        String slug = address.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jane.doe@example.com",
        "Jane.Doe+Letters@Example.COM",
        "--odd--@example.org.",
        "jürgen.müller@example.net",
        "\"quoted name\"@example.com",
        "x@example.com",
        "a-very-long-local-part-that-goes-on-and-on-and-on.and.on@sub.domain.example.org",
        "a-very-long-local-part-that-goes-on-and-on-and-on-and-on-a.@example.org",
        "@@@",
    })
    void slugsFollowTheRuleOfLowerCaseLettersDigitsAndSingleHyphens(String address) {
        assertThat(EmlFiles.slug(address)).isEqualTo(slugByRegex(address));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 999, 1000, 123_456})
    void numbersArePaddedToThreeDigitsOrTheBatchSize(int position) {
        OutgoingMessage message = MailFixtures.message(position, "jane@example.com", "S", "text");

        assertThat(List.of(new EmlFiles(null, null, 12).fileName(message), new EmlFiles(null, null, 10_000).fileName(message)))
                .containsExactly(String.format(Locale.ROOT, "%03d-jane-example-com.eml", position),
                        String.format(Locale.ROOT, "%05d-jane-example-com.eml", position));
    }

    @TempDir
    Path dir;

    @Test
    void slicesWrittenAfterTheCallReturnsAllArriveWhenPublished() {
        Path preview = dir.resolve("preview");
        try (EmlFiles files = EmlFiles.open(preview, 600)) {
            for (int from = 1; from <= 600; from += 256) {
                files.writeAll(messages(from, Math.min(601, from + 256)), MimeMessages.offlineSession(), "date");
            }
            files.publish();
        }

        assertThat(preview.toFile().list()).hasSize(600).contains("001-rep1-example-org.eml", "600-rep600-example-org.eml");
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 15})
    void aFileThatCannotBeWrittenFailsTheRunAndLeavesNoFiles(int blocked) throws IOException {
        Path preview = dir.resolve("preview");
        try (EmlFiles files = EmlFiles.open(preview, 20)) {
            // A folder where the writer is to create a file of the first slice (5) or of the last (15).
            Files.createDirectory(onlyEntry(dir).resolve(String.format(Locale.ROOT, "%03d-rep%d-example-org.eml", blocked, blocked)));

            // The writer runs behind the caller: a slice that fails is reported by the next call or by publish.
            assertThatThrownBy(() -> {
                files.writeAll(messages(1, 11), MimeMessages.offlineSession(), "date");
                files.writeAll(messages(11, 21), MimeMessages.offlineSession(), "date");
                files.publish();
            }).isInstanceOfSatisfying(SignonException.class, e -> assertThat(e.describe())
                    .contains(String.format(Locale.ROOT, "preview/%03d-rep%d-example-org.eml", blocked, blocked), "cannot write"));
        }

        assertThat(dir.toFile().list()).isEmpty();
    }

    private static List<OutgoingMessage> messages(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> MailFixtures.message(i, "rep" + i + "@example.org", "S", "Dear rep " + i))
                .toList();
    }

    private static Path onlyEntry(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            List<Path> all = entries.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
