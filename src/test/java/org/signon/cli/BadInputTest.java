package org.signon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input: one line on stderr naming the file and line, a documented exit
 * code, no stack trace unless --verbose, and no output written.
 */
class BadInputTest {

    @TempDir
    Path dir;

    Path csv;
    Path out;

    @BeforeEach
    void goodSigners() throws Exception {
        csv = dir.resolve("signers.csv");
        Files.writeString(csv, "Organization,Consent\nExample Org,yes\n");
        out = dir.resolve("out.txt");
    }

    private Path letter(String text) throws Exception {
        Path letter = dir.resolve("letter.md");
        Files.writeString(letter, text);
        return letter;
    }

    private CliRun render(Path letter, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "render";
        args[1] = letter.toString();
        args[2] = "-o";
        args[3] = out.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(args);
    }

    private void assertOneLineError(CliRun run, int exitCode, String startsWith) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err()).startsWith("signon: " + startsWith);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingLetter() {
        CliRun run = render(dir.resolve("nope.md"));
        assertOneLineError(run, 66, dir.resolve("nope.md").toString());
    }

    @Test
    void missingSigners() throws Exception {
        CliRun run = render(letter("---\nsigners: gone.csv\n---\nHi\n"));
        assertOneLineError(run, 66, dir.resolve("gone.csv").toString());
    }

    @Test
    void unterminatedQuoteNamesTheLine() throws Exception {
        Files.writeString(csv, "Organization,Consent\nExample Org,yes\n\"Broken Org,yes\nLast Org,yes\n");
        CliRun run = render(letter("---\nsigners: signers.csv\n---\nHi\n"));
        assertOneLineError(run, 65, csv + ":3: ");
    }

    @Test
    void badYamlNamesTheLetterLine() throws Exception {
        CliRun run = render(letter("---\ntitle: ok\nto: [unclosed\n---\nHi\n"), "--signers", csv.toString());
        assertOneLineError(run, 65, dir.resolve("letter.md") + ":");
    }

    @Test
    void templateSyntaxErrorNamesTheLetterLine() throws Exception {
        CliRun run = render(letter("---\ntitle: ok\n---\nHi\n\n{{#groups}}never closed\n"), "--signers", csv.toString());
        assertOneLineError(run, 65, dir.resolve("letter.md") + ":");
    }

    @Test
    void unknownTagNamesTheTagAndLine() throws Exception {
        CliRun run = render(letter("---\ntitle: ok\n---\nHi\n\nDear {{recipeint.name}}\n"), "--signers", csv.toString());
        assertOneLineError(run, 65, dir.resolve("letter.md") + ":6: ");
        assertThat(run.err()).contains("recipeint");
    }

    @Test
    void signersNotInUtf8() throws Exception {
        Files.write(csv, "Organization,Consent\nCaf\u00e9 Example,yes\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun run = render(letter("---\nsigners: signers.csv\n---\nHi\n"));
        assertOneLineError(run, 65, csv + ":2: ");
        assertThat(run.err()).contains("UTF-8");
    }

    @Test
    void signersInUtf16SayUtf16() throws Exception {
        Files.write(csv, "\uFEFFOrganization\tConsent\r\nExample Org\tyes\r\n".getBytes(StandardCharsets.UTF_16LE));
        CliRun run = render(letter("---\nsigners: signers.csv\n---\nHi\n"));
        assertOneLineError(run, 65, csv + ":1: the file is UTF-16 text");
        assertThat(run.err()).contains("\"CSV UTF-8\"");
    }

    @Test
    void signersSeparatedBySemicolonsSaySo() throws Exception {
        Files.writeString(csv, "Organization;City;Consent\nExample Org;Lyon;oui\n");
        CliRun run = CliRun.of("check", letter("---\nsigners: signers.csv\n---\nHi\n").toString());
        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("signon: " + csv + ":1: the header row is one column, \"Organization;City;Consent\"")
                .contains("separated by ';'");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void letterNotInUtf8() throws Exception {
        Path letter = dir.resolve("letter.md");
        Files.write(letter, "---\ntitle: Caf\u00e9\n---\nHi\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun run = render(letter, "--signers", csv.toString());
        assertOneLineError(run, 65, letter + ":2");
    }

    @Test
    void unknownFormat() throws Exception {
        CliRun run = render(letter("---\ntitle: ok\n---\nHi\n"), "--signers", csv.toString(), "--format", "rtf");
        assertOneLineError(run, 64, "unknown format 'rtf'");
    }

    @Test
    void unknownOptionSuggestsHelp() {
        CliRun run = CliRun.of("render", "--sigers", "x.csv", "letter.md");
        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).startsWith("signon: Unknown option").contains("--sigers", "Possible solutions: --signers", "signon render --help");
    }

    @Test
    void verboseAddsTheStackTrace() throws Exception {
        CliRun run = render(dir.resolve("nope.md"), "--verbose");
        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.err()).contains("\tat org.signon.");
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).isEqualTo("signon: missing command\nTry 'signon --help' for more information.\n");
    }

    /** Standard output that fails like a full disk or a closed pipe. */
    private static final class BrokenOutput extends java.io.OutputStream {
        @Override
        public void write(int b) throws java.io.IOException {
            throw new java.io.IOException("No space left on device");
        }
    }

    /** Standard output whose reader went away after {@code room} bytes, as Linux reports it. */
    private static final class ClosedPipe extends java.io.OutputStream {
        private int room;

        ClosedPipe(int room) {
            this.room = room;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            if (length > room) {
                room = 0;
                throw new java.io.IOException("Broken pipe");
            }
            room -= length;
        }
    }

    @Test
    void aReaderThatStopsReadingEndsTheRunQuietlyWith141() {
        for (String[] args : List.of(new String[] {"render", "letters/hart-aws.md"},
                new String[] {"check", "letters/hart-aws.md", "--json"},
                new String[] {"--help"})) {
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int code = Main.run(new Io(new ClosedPipe(10), err, java.util.Map.of(), false), args);
            assertThat(code).as(String.join(" ", args)).isEqualTo(141);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void aFailingCommandWhoseReaderWentAwayKeepsItsOwnExitCode(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Path letter = dir.resolve("letter.md");
        Files.writeString(letter, "---\ntitle: T\nsigners: s.csv\n---\nHi {{nope}}\n");
        Files.writeString(dir.resolve("s.csv"), "Organization\nExample Org\n");
        int code = Main.run(new Io(new ClosedPipe(10), err, java.util.Map.of(), false), "check", letter.toString());
        assertThat(code).isEqualTo(65);
    }

    private static int runWithBrokenStdout(java.io.ByteArrayOutputStream err, String... args) {
        return Main.run(new Io(new BrokenOutput(), err, java.util.Map.of(), false), args);
    }

    @Test
    void aFailedWriteToStandardOutputIsAnIoErrorNotSuccess() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        assertThat(runWithBrokenStdout(err, "render", "letters/hart-aws.md")).isEqualTo(74);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("signon: input/output error: No space left on device");

        java.io.ByteArrayOutputStream checkErr = new java.io.ByteArrayOutputStream();
        assertThat(runWithBrokenStdout(checkErr, "check", "letters/hart-aws.md", "--json")).isEqualTo(74);
        assertThat(checkErr.toString(StandardCharsets.UTF_8)).contains("cannot write to standard output");
    }
}
