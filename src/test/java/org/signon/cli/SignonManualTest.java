package org.signon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SignonManualTest {

    private static final Io QUIET = new Io(new ByteArrayOutputStream(), new ByteArrayOutputStream(), Map.of(), false);

    @Test
    void theManualDocumentsExactlyTheCommandsSignonRuns() {
        List<String> documented = List.copyOf(new CommandLine(new SignonManual()).getSubcommands().keySet());
        List<String> running = List.copyOf(Cli.create(QUIET).getSubcommands().keySet());

        assertThat(documented).containsExactlyElementsOf(running)
                .containsExactly("render", "check", "init", "send", "diff", "help");
    }

    @Test
    void aRunBuildsOnlyTheCommandItNamesAndAnythingElseGetsThemAll() {
        assertThat(Cli.create(QUIET, PasswordSource.TERMINAL, new String[] {"render", "x.md"})
                .getSubcommands()).containsOnlyKeys("render");
        assertThat(Cli.create(QUIET, PasswordSource.TERMINAL, new String[] {"--verbose", "render"})
                .getSubcommands()).hasSize(6);
        assertThat(Cli.create(QUIET, PasswordSource.TERMINAL, new String[] {"rendr"})
                .getSubcommands()).hasSize(6);
        assertThat(Cli.create(QUIET, PasswordSource.TERMINAL, new String[] {"help", "render"})
                .getSubcommands()).hasSize(6);
    }

    @Test
    void topLevelHelpSummarizesEachCommandInOneWholeSentence() {
        CliRun run = CliRun.of("--help");
        List<String> commands = run.out().lines()
                .dropWhile(line -> !line.equals("Commands:")).skip(1)
                .takeWhile(line -> !line.isBlank())
                .toList();

        assertThat(commands).hasSize(6).allSatisfy(line -> assertThat(line)
                .as("one line per command, a whole sentence").matches("  [a-z]+ +[A-Z].*\\."));
    }
}
