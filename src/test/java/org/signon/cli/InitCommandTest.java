package org.signon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path dir;

    @Test
    void createsLetterSignersAndSettings() throws Exception {
        CliRun run = CliRun.of("init", "water-letter", "-C", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("created " + dir.resolve("letters/water-letter.md"),
                "created " + dir.resolve("signers/water-letter.csv"), "created " + dir.resolve("signon.properties"),
                "then run: cd " + dir + " && signon check letters/water-letter.md");
        String letter = Files.readString(dir.resolve("letters/water-letter.md"));
        assertThat(letter).startsWith("---\n").contains("signers: ../signers/water-letter.csv")
                .contains("{{signer_count}}").doesNotContain("@NAME@");
        String csv = Files.readString(dir.resolve("signers/water-letter.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("Organization name", "I confirm that my organization signs on");
        assertThat(Files.readString(dir.resolve("signon.properties"))).contains("# smtp.host=");
    }

    @Test
    void theNextCommandGoesToTheCampaignFolderQuotedForTheShell() {
        Path folder = dir.resolve("our campaign");

        CliRun run = CliRun.of("init", "water-letter", "-C", folder.toString());

        assertThat(run.out()).endsWith("then run: cd '" + folder + "' && signon check letters/water-letter.md\n");
    }

    @Test
    void refusesToOverwriteAnExistingLetter() throws Exception {
        Path letter = dir.resolve("letters/water-letter.md");
        Files.createDirectories(letter.getParent());
        Files.writeString(letter, "my precious draft");

        CliRun run = CliRun.of("init", "water-letter", "-C", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.CANT_CREATE.code());
        assertThat(run.err()).contains("water-letter.md").contains("already exists");
        assertThat(Files.readString(letter)).isEqualTo("my precious draft");
        assertThat(dir.resolve("signers/water-letter.csv")).doesNotExist();
    }

    @Test
    void keepsExistingSettingsAndStillCreatesTheCampaign() throws Exception {
        Files.writeString(dir.resolve("signon.properties"), "smtp.host=127.0.0.1\n");

        CliRun run = CliRun.of("init", "second", "-C", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("signon.properties");
        assertThat(Files.readString(dir.resolve("signon.properties"))).isEqualTo("smtp.host=127.0.0.1\n");
        assertThat(dir.resolve("letters/second.md")).exists();
    }

    @Test
    void rejectsANameThatIsAPath() {
        CliRun run = CliRun.of("init", "../escape", "-C", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("campaign name");
        assertThat(dir.getParent().resolve("escape.md")).doesNotExist();
    }

    @Test
    void aFailureHalfwayLeavesNothingBehind() throws Exception {
        // A plain file where the signers folder should be: the letter can be written, the CSV cannot.
        Files.writeString(dir.resolve("signers"), "not a folder");

        CliRun run = CliRun.of("init", "water-letter", "-C", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.CANT_CREATE.code());
        assertThat(run.err()).contains("water-letter.csv");
        assertThat(dir.resolve("letters/water-letter.md")).doesNotExist();
        assertThat(dir.resolve("signon.properties")).doesNotExist();
    }
}
