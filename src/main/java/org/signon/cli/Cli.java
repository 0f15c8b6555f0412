package org.signon.cli;

import picocli.CommandLine;

/** Builds the configured picocli command line: one place for error handling and exit codes. */
final class Cli {

    private Cli() {
    }

    static CommandLine create(Io io) {
        return create(io, SendCommand.PasswordSource.CONSOLE);
    }

    /** With the place {@code send} asks for the SMTP password; tests pass their own. */
    static CommandLine create(Io io, SendCommand.PasswordSource passwords) {
        CommandLine cli = new CommandLine(new Main(io, passwords));
        cli.setOut(io.out());
        cli.setErr(io.err());
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(io.ansi()));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        cli.setExitCodeExceptionMapper(e -> ExitCode.SOFTWARE.code());
        return cli;
    }
}
