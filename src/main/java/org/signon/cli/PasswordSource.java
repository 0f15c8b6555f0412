package org.signon.cli;

import java.io.Console;
import java.util.Optional;

/** Where the SMTP password is typed; tests pass their own. */
@FunctionalInterface
interface PasswordSource {

    /**
     * The controlling terminal, also when output goes to a file or a pipe ({@code send --send |
     * tee send.log}); else the console (Windows); else nobody (cron, CI, setsid). The terminal
     * comes first even where Java has a console: the console turns echo back on neither after
     * Ctrl-Z and 'fg', so what is typed then would show.
     */
    PasswordSource TERMINAL = prompt -> {
        Optional<char[]> typed = ControllingTerminal.readPassword(prompt);
        if (typed.isPresent()) {
            return typed;
        }
        Console console = System.console();
        return console != null ? Optional.of(ask(console, prompt)) : Optional.empty();
    };

    /**
     * The console's own prompt, without echo. A Ctrl-C at it ends the prompt's line, so the
     * shell's prompt does not start after "SMTP password for ...:".
     */
    private static char[] ask(Console console, String prompt) {
        // Not through the console: readPassword holds its write lock until a line is read.
        Thread endLine = new Thread(() -> System.err.println(), "signon-password-prompt");
        Runtime.getRuntime().addShutdownHook(endLine);
        try {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? new char[0] : typed; // Ctrl-D: nothing typed, not no console.
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(endLine);
            } catch (IllegalStateException e) {
                // Shutting down already: the hook ends the line.
            }
        }
    }

    Optional<char[]> read(String prompt);
}
