package org.signon.cli;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Whether standard error is a terminal. Java 17 tells only whether standard input and output
 * both are ({@code System.console()}), which is the wrong question for progress on standard
 * error: {@code send --send 2> log} would fill the log with redrawn bars, and
 * {@code send --send > summary.txt} would scroll one line per message past the person watching.
 * On Unix test(1) answers it, inheriting signon's standard error; it costs starting a process,
 * so it is asked only when progress is to be shown. Where there is no test(1) (Windows), the
 * console stands in.
 */
final class StderrTerminal {

    private StderrTerminal() {
    }

    static boolean check() {
        try {
            Process test = new ProcessBuilder("test", "-t", "2")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            test.getOutputStream().close();
            if (test.waitFor(2, TimeUnit.SECONDS)) {
                return test.exitValue() == 0;
            }
            test.destroy();
        } catch (IOException e) {
            // No test(1) here: fall through to the console.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return System.console() != null;
    }
}
