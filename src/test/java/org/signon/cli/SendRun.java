package org.signon.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** One in-process run of {@code signon} with an environment and a password prompt of the test's choosing. */
record SendRun(int exitCode, String out, String err) {

    /** No console: asking for a password finds nobody to ask. */
    static final PasswordSource NO_CONSOLE = prompt -> Optional.empty();

    static SendRun of(String... args) {
        return of(Map.of(), args);
    }

    static SendRun of(Map<String, String> env, String... args) {
        return of(env, NO_CONSOLE, args);
    }

    static SendRun of(Map<String, String> env, PasswordSource passwords, String... args) {
        return run(env, passwords, false, false, args);
    }

    /** As run from a shell whose standard output and standard error are, or are not, a terminal. */
    static SendRun atTerminals(boolean stdoutTerminal, boolean stderrTerminal, String... args) {
        return run(Map.of(), NO_CONSOLE, stdoutTerminal, stderrTerminal, args);
    }

    private static SendRun run(Map<String, String> env, PasswordSource passwords,
            boolean stdoutTerminal, boolean stderrTerminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.create(new Io(out, err, env, stdoutTerminal, fd -> fd == 2 ? stderrTerminal : stdoutTerminal), passwords).execute(args);
        return new SendRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
