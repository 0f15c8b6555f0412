package org.signon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMTP password prompt of the built launcher, on a pseudo-terminal that script(1) of
 * util-linux gives it, with standard output redirected to a file: Java sees no console there,
 * yet the organizer is at a terminal.
 */
class PasswordPromptIT {

    private static final String PASSWORD = "tty-secret-4711";
    private static final String PROMPT = "SMTP password for organizer at 127.0.0.1: ";

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("organizer@example.org", "organizer", PASSWORD));

    @TempDir
    Path dir;

    private Path letter;

    @BeforeEach
    void campaign() throws Exception {
        Files.writeString(dir.resolve("signers.csv"), "Organization name,City\nExample Tenants Union,Oakland\n");
        letter = Files.writeString(dir.resolve("letter.md"), """
                ---
                title: Letter to Example Cloud
                subject: Stop it
                from: Example Coalition <coalition@example.org>
                to: Jordan Example <jordan@example.com>
                signers: signers.csv
                ---
                Dear colleagues,
                """);
        LoopbackSmtp.config(dir, greenMail.getSmtp().getPort());
        Files.writeString(dir.resolve("signon.properties"), "smtp.username = organizer\n", StandardOpenOption.APPEND);
    }

    /** {@code bin/signon send LETTER --config CONFIG --send > out.txt}, as a shell command. */
    private String sendToFile() {
        return "bin/signon " + Arrays.stream(LoopbackSmtp.send(letter, dir, "--send")).map(arg -> "'" + arg + "'")
                .collect(Collectors.joining(" ")) + " > '" + dir.resolve("out.txt") + "'";
    }

    /**
     * One terminal session: the terminal's settings saved before and after signon, and how signon
     * ended. {@code stty -a} shows the settings signon leaves. The trap keeps the shell going
     * after a Ctrl-C, which it leaves signon to answer.
     */
    private String session() {
        return "trap : INT; stty -g > '" + dir.resolve("before.txt") + "'; " + sendToFile() + "; echo \"signon exit $?\"; "
                + "stty -g > '" + dir.resolve("after.txt") + "'; stty -a";
    }

    /** What the terminal showed in a {@link #session()} where {@code keys} were typed at the prompt. */
    private String typedAtThePrompt(String keys) throws Exception {
        PtySession terminal = PtySession.start(session());
        terminal.awaitShown(PROMPT);
        terminal.type(keys);
        return terminal.finish();
    }

    @Test
    void withOutputToAFileThePasswordIsAskedOnTheTerminalWithoutEchoAndLogsIn() throws Exception {
        String shown = typedAtThePrompt(PASSWORD + "\n");

        assertThat(shown).as(shown).contains("signon exit 0");
        assertThat(Received.by(greenMail, "jordan@example.com")).as("logged in with the typed password").hasSize(1);
        assertThat(shown).as("echo was off while it was typed").doesNotContain(PASSWORD);
        String out = Files.readString(dir.resolve("out.txt"));
        assertThat(out).contains("Sent 1 message").doesNotContain(PASSWORD).doesNotContain("SMTP password");
        assertEchoIsBack(shown);
    }

    @Test
    void ctrlCAtThePromptGivesTheTerminalItsEchoBack() throws Exception {
        String shown = typedAtThePrompt("\u0003");

        assertThat(shown).as(shown).contains("signon exit 130");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertEchoIsBack(shown);
    }

    /**
     * Ctrl-Z at the prompt: the shell gives the terminal its echo back while signon is stopped,
     * and after 'fg' signon turns it off again and asks anew, or the password would show.
     */
    @Test
    void afterCtrlZAndFgThePasswordIsStillNotShown() throws Exception {
        ctrlZAndFgAtThePrompt(sendToFile());
    }

    /** The same with signon's input and output on the terminal, where Java has a console. */
    @Test
    void afterCtrlZAndFgThePasswordIsStillNotShownWhereJavaHasAConsole() throws Exception {
        ctrlZAndFgAtThePrompt(sendToFile().substring(0, sendToFile().lastIndexOf(" > ")));
    }

    private void ctrlZAndFgAtThePrompt(String command) throws Exception {
        assumeTrue(PtySession.hasCommand("bash"), "bash is needed for a shell with job control");
        PtySession terminal = PtySession.start("exec bash --norc --noprofile -i");
        terminal.type(command + "\n");
        terminal.awaitShown(PROMPT);
        terminal.type("\u001a");
        terminal.awaitShown("Stopped");
        terminal.type("fg\n");
        terminal.awaitShownTimes(PROMPT, 2);
        terminal.type(PASSWORD + "\n");
        // Upper case: the command line itself, shown as typed, does not say it.
        terminal.type("echo \"signon exit $?\" | tr a-z A-Z; exit\n");
        String shown = terminal.finish();

        assertThat(shown).as(shown).contains("SIGNON EXIT 0").doesNotContain(PASSWORD);
        assertThat(Received.by(greenMail, "jordan@example.com")).as("logged in with the typed password").hasSize(1);
    }

    @Test
    void enterAloneIsNoPasswordTyped() throws Exception {
        String shown = typedAtThePrompt("\n");

        assertThat(shown).as(shown).contains("signon exit 78", "no password was typed for organizer");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertEchoIsBack(shown);
    }

    @Test
    void whereEchoCannotBeTurnedOffNothingIsAskedAndTheRunStopsBeforeConnecting() throws Exception {
        // An stty that reads and restores settings but refuses -echo: asking now would show the password.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path stty = Files.writeString(bin.resolve("stty"), """
                #!/bin/sh
                [ "$1" = -echo ] && exit 1
                exec /usr/bin/env -u PATH PATH=/usr/bin:/bin stty "$@"
                """);
        assertThat(stty.toFile().setExecutable(true)).isTrue();

        PtySession terminal = PtySession.start("PATH='" + bin + "':$PATH; " + session());
        String shown = terminal.finish();

        assertThat(shown).as(shown).contains("signon exit 78", "no terminal to ask for it on").doesNotContain(PROMPT);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertEchoIsBack(shown);
    }

    @Test
    void withoutAControllingTerminalTheRunStopsBeforeConnecting() throws Exception {
        assumeTrue(PtySession.hasCommand("setsid"), "setsid (util-linux) is needed to run signon without a controlling terminal");
        // setsid: whatever terminal mvn was started from, signon has none.
        Process process = new ProcessBuilder("setsid", "-w", "sh", "-c", sendToFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(process.exitValue()).as(err).isEqualTo(78);
        assertThat(err).contains("but there is no password, and no terminal to ask for it on: set SIGNON_SMTP_PASSWORD,"
                + " or run signon in the foreground of a terminal (not with '&', nor from cron, CI or setsid) to be asked");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    /** The settings as before signon ran, echo among them. */
    private void assertEchoIsBack(String shown) throws IOException {
        assertThat(Files.readString(dir.resolve("after.txt"))).isEqualTo(Files.readString(dir.resolve("before.txt")));
        assertThat(shown).containsPattern("(?<![-\\w])echo(?!\\w)").doesNotContain("-echo ");
    }

    /** A shell command on a pseudo-terminal of its own: what it shows, and what is typed at it. */
    private static final class PtySession {

        private final Process script;
        private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
        private final Thread reader;

        private PtySession(Process script) {
            this.script = script;
            this.reader = new Thread(() -> copy(script.getInputStream()), "pty-reader");
            reader.start();
        }

        static PtySession start(String command) throws IOException, InterruptedException {
            assumeTrue(hasCommand("script") && utilLinuxScript(),
                    "script of util-linux is needed to run signon on a pseudo-terminal");
            // -e: the command's exit status; /dev/null: no typescript file, what it shows is on stdout.
            return new PtySession(new ProcessBuilder("script", "-qec", command, "/dev/null")
                    .redirectErrorStream(true).start());
        }

        static boolean hasCommand(String name) throws IOException, InterruptedException {
            Process which = new ProcessBuilder("sh", "-c", "command -v " + name).redirectErrorStream(true).start();
            which.getInputStream().readAllBytes();
            return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
        }

        private static boolean utilLinuxScript() throws IOException, InterruptedException {
            Process version = new ProcessBuilder("script", "--version").redirectErrorStream(true).start();
            String said = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return version.waitFor(10, TimeUnit.SECONDS) && said.contains("util-linux");
        }

        private void copy(InputStream in) {
            byte[] buffer = new byte[4096];
            try {
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    synchronized (shown) {
                        shown.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // The session ended.
            }
        }

        private String shown() {
            synchronized (shown) {
                return shown.toString(StandardCharsets.UTF_8);
            }
        }

        /**
         * Waits for {@code text} on the screen. Typing before it would be too early: the terminal
         * echoes what is typed when it is typed, before signon has turned echo off.
         */
        void awaitShown(String text) throws InterruptedException {
            awaitShownTimes(text, 1);
        }

        /** Waits until {@code text} has been shown {@code times} times. */
        void awaitShownTimes(String text, int times) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (shown().split(Pattern.quote(text), -1).length - 1 < times) {
                assertThat(script.isAlive() || reader.isAlive())
                        .as("the session ended without showing '%s' %d times:%n%s", text, times, shown()).isTrue();
                assertThat(System.nanoTime()).as("'%s' not shown %d times in 60 s:%n%s", text, times, shown())
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
        }

        void type(String keys) throws IOException {
            OutputStream keyboard = script.getOutputStream();
            keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        }

        /** Everything the session showed, once it is over. */
        String finish() throws InterruptedException, IOException {
            boolean ended = script.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                script.destroyForcibly();
            }
            reader.join(10_000);
            script.getOutputStream().close();
            assertThat(ended).as("the session ended:%n%s", shown()).isTrue();
            return shown();
        }
    }
}
