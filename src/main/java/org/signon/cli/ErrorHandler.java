package org.signon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.signon.SignonException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns any failure of a command into one line on stderr and an exit code. A stack trace is
 * printed only with {@code --verbose}: organizers need the message, not the internals.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    private final PipeOutput stdout;

    ErrorHandler(PipeOutput stdout) {
        this.stdout = stdout;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (stdout.readerGone() && (ex instanceof IOException || ex instanceof UncheckedIOException)) {
            printTraceIfVerbose(ex, err, parsed);
            err.flush();
            return ExitCode.READER_GONE.code();
        }
        if (ex instanceof SignonException known) {
            err.println("signon: " + known.describe());
            printTraceIfVerbose(ex, err, parsed);
            err.flush();
            return ExitCode.of(known.kind()).code();
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            err.println("signon: input/output error: " + ex.getMessage());
            printTraceIfVerbose(ex, err, parsed);
            err.flush();
            return ExitCode.IO.code();
        }
        err.println("signon: internal error: " + ex + (isVerbose(parsed) ? "" : " (run with --verbose for details)"));
        printTraceIfVerbose(ex, err, parsed);
        err.flush();
        return ExitCode.SOFTWARE.code();
    }

    private static void printTraceIfVerbose(Exception ex, PrintWriter err, ParseResult parsed) {
        if (isVerbose(parsed)) {
            ex.printStackTrace(err);
        }
    }

    static boolean isVerbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
