package org.signon.cli;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A password typed at the controlling terminal ({@code /dev/tty}), as ssh, sudo and gpg ask for
 * one: there is one even when standard input or output is not a terminal ({@code send --send |
 * tee send.log}), where Java 17 has no console. Java cannot turn echo off on a plain file, so
 * stty(1), reading the terminal as its input, does; where it cannot, nothing is read, because a
 * password must never show on the screen.
 */
final class ControllingTerminal {

    private static final File TTY = new File("/dev/tty");

    private ControllingTerminal() {
    }

    /**
     * Writes {@code prompt} to the terminal and reads one line without echo.
     *
     * @return the typed characters (none for Enter alone or Ctrl-D), or empty when there is no
     *         controlling terminal or its echo cannot be turned off
     */
    static Optional<char[]> readPassword(String prompt) {
        if (File.separatorChar != '/') {
            return Optional.empty(); // Windows: no /dev/tty, and a file of that name is not a terminal.
        }
        // Reading first: opening for writing would create a missing file.
        try (FileInputStream in = new FileInputStream(TTY); FileOutputStream out = new FileOutputStream(TTY, true)) {
            return Stty.saved().flatMap(saved -> withoutEcho(saved, prompt, in, out));
        } catch (IOException e) {
            return Optional.empty(); // No controlling terminal (cron, CI, setsid).
        }
    }

    private static Optional<char[]> withoutEcho(Stty saved, String prompt, FileInputStream in, OutputStream out) {
        // Ctrl-C at the prompt ends the JVM in the middle: the terminal gets its echo back and
        // the shell's prompt starts on a line of its own.
        Thread restore = new Thread(() -> {
            saved.restore();
            endLine(out);
        }, "signon-tty-password-prompt");
        Runtime.getRuntime().addShutdownHook(restore);
        try {
            if (!saved.echoOff()) {
                return Optional.empty();
            }
            // Ctrl-Z: the shell gives the terminal its own settings back, echo on, while signon
            // is stopped; after 'fg' echo goes off again and the prompt is shown anew, as ssh does.
            // Asking is over before the settings are restored: a late 'fg' must not turn echo off then.
            AtomicBoolean asking = new AtomicBoolean(true);
            Optional<sun.misc.SignalHandler> previous = onContinue(() -> {
                synchronized (asking) {
                    if (!asking.get() || !saved.echoOff()) {
                        return;
                    }
                    endLine(out);
                    try {
                        show(prompt, out);
                    } catch (IOException e) {
                        // The terminal is gone: reading from it ends too.
                    }
                }
            });
            try {
                show(prompt, out);
                return Optional.of(readLine(new InputStreamReader(in, charset())));
            } catch (IOException e) {
                return Optional.empty();
            } finally {
                synchronized (asking) {
                    asking.set(false);
                }
                previous.ifPresent(handler -> sun.misc.Signal.handle(new sun.misc.Signal("CONT"), handler));
                endLine(out); // Enter, not echoed, did not end it.
            }
        } finally {
            saved.restore(); // Also after a failed -echo: it may have changed some of the settings.
            try {
                Runtime.getRuntime().removeShutdownHook(restore);
            } catch (IllegalStateException e) {
                // Shutting down already: the hook restores the terminal too, which does no harm.
            }
        }
    }

    /** The handler that was there before, or empty where SIGCONT cannot be handled. */
    private static Optional<sun.misc.SignalHandler> onContinue(Runnable action) {
        try {
            return Optional.of(sun.misc.Signal.handle(new sun.misc.Signal("CONT"), signal -> action.run()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void show(String prompt, OutputStream out) throws IOException {
        out.write(prompt.getBytes(charset()));
        out.flush();
    }

    private static void endLine(OutputStream out) {
        try {
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            // The terminal is gone: nobody to show the line to.
        }
    }

    /** Up to the end of the line or input; the terminal driver has already applied erase and kill. */
    private static char[] readLine(Reader reader) throws IOException {
        char[] line = new char[64];
        int length = 0;
        for (int c = reader.read(); c != -1 && c != '\n' && c != '\r'; c = reader.read()) {
            if (length == line.length) {
                char[] longer = Arrays.copyOf(line, length * 2);
                Arrays.fill(line, '\0');
                line = longer;
            }
            line[length++] = (char) c;
        }
        char[] typed = Arrays.copyOf(line, length);
        Arrays.fill(line, '\0');
        return typed;
    }

    /** The terminal's encoding is the system's, whatever file.encoding the JVM was started with. */
    private static Charset charset() {
        String nativeEncoding = System.getProperty("native.encoding");
        try {
            return nativeEncoding == null ? Charset.defaultCharset() : Charset.forName(nativeEncoding);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The terminal's settings as {@code stty -g} saved them, to change echo and put them back. */
    private record Stty(String settings) {

        static Optional<Stty> saved() {
            return run(true, "-g").filter(settings -> !settings.isBlank()).map(settings -> new Stty(settings.strip()));
        }

        boolean echoOff() {
            return run(false, "-echo").isPresent();
        }

        void restore() {
            run(false, settings);
        }

        /** stty with the terminal as its input; its output when it succeeded, else empty. */
        private static Optional<String> run(boolean keepOutput, String argument) {
            try {
                Process stty = new ProcessBuilder("stty", argument)
                        .redirectInput(TTY)
                        .redirectOutput(keepOutput ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                String output = keepOutput
                        ? new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII) : "";
                if (stty.waitFor(5, TimeUnit.SECONDS)) {
                    return stty.exitValue() == 0 ? Optional.of(output) : Optional.empty();
                }
                stty.destroyForcibly(); // Stopped, as a background job changing the terminal is.
            } catch (IOException e) {
                // No stty here.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
    }
}
