package org.signon.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntPredicate;
import picocli.CommandLine;

/**
 * Where a run of signon writes and what environment it sees. Output is always UTF-8, whatever
 * the platform's default charset: a signer's name must never turn into question marks.
 *
 * @param stdout raw standard output (PDF goes here as bytes)
 * @param stderr standard error
 * @param env      environment variables (tests pass their own)
 * @param terminal whether a person is watching (standard output is a terminal)
 * @param terminalAt whether file descriptor 1 (standard output) or 2 (standard error) is a
 *                   terminal; asked only when it matters (a PDF to standard output, progress on
 *                   standard error), as finding out may start a process
 */
public record Io(OutputStream stdout, OutputStream stderr, Map<String, String> env, boolean terminal,
        IntPredicate terminalAt) {

    public Io {
        env = Map.copyOf(env);
    }

    /** Standard error goes where standard output goes: both a terminal, or neither. */
    public Io(OutputStream stdout, OutputStream stderr, Map<String, String> env, boolean terminal) {
        this(stdout, stderr, env, terminal, fd -> terminal);
    }

    public static Io system() {
        // Raw descriptors, not System.out: a PrintStream hides write errors (a full disk, a closed
        // pipe) and signon would exit 0 with half a letter written.
        return new Io(new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err),
                System.getenv(), System.console() != null, Terminal::at);
    }

    /**
     * Colors only for a person at a terminal, and never when NO_COLOR is set to anything but
     * the empty string (no-color.org: {@code NO_COLOR=} is how a wrapper passes "not set").
     */
    CommandLine.Help.Ansi ansi() {
        boolean noColor = !env.getOrDefault("NO_COLOR", "").isEmpty();
        boolean colors = terminal && !noColor && !"dumb".equals(env.get("TERM"));
        return colors ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF;
    }

    /** A new writer: Cli makes one of each and hands them to picocli; commands use Main's. */
    PrintWriter out() {
        return new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    }

    PrintWriter err() {
        return new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
    }
}
