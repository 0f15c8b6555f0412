package org.signon.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where a run of signon writes and what environment it sees. Output is always UTF-8, whatever
 * the platform's default charset: a signer's name must never turn into question marks.
 *
 * @param stdout raw standard output (PDF goes here as bytes)
 * @param stderr standard error
 * @param env    environment variables (tests pass their own)
 */
public record Io(OutputStream stdout, OutputStream stderr, Map<String, String> env) {

    public Io {
        env = Map.copyOf(env);
    }

    public static Io system() {
        return new Io(System.out, System.err, System.getenv());
    }

    PrintWriter out() {
        return new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    }

    PrintWriter err() {
        return new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
    }
}
