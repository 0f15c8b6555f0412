package org.signon.cli;

import picocli.CommandLine;

/** Builds the configured picocli command line: one place for error handling and exit codes. */
final class Cli {

    private Cli() {
    }

    static CommandLine create() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        cli.setExitCodeExceptionMapper(e -> ExitCode.SOFTWARE.code());
        return cli;
    }
}
