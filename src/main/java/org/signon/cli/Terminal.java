package org.signon.cli;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Whether standard output or standard error is a terminal. Java 17 tells only whether standard
 * input and output both are ({@code System.console()}), which is the wrong question for progress
 * on standard error ({@code send --send 2> log} would fill the log with redrawn bars) and for a
 * PDF on standard output ({@code render -f pdf < /dev/null} would print it on the screen). On
 * Unix test(1) answers it, inheriting the descriptor; it costs starting a process, so it is
 * asked only when the answer matters. Where there is no test(1) (Windows), the console stands in.
 */
final class Terminal {

    private Terminal() {
    }

    /** @param fd 1 for standard output, 2 for standard error */
    static boolean at(int fd) {
        ProcessBuilder.Redirect inherit = ProcessBuilder.Redirect.INHERIT;
        ProcessBuilder.Redirect discard = ProcessBuilder.Redirect.DISCARD;
        try {
            Process test = new ProcessBuilder("test", "-t", Integer.toString(fd))
                    .redirectOutput(fd == 1 ? inherit : discard)
                    .redirectError(fd == 2 ? inherit : discard)
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
