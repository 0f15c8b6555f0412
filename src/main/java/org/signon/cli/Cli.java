package org.signon.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.signon.io.LocaleFileNames;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the configured picocli command line: one place for error handling and exit codes. */
final class Cli {

    private Cli() {
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** A path argument; one the locale cannot encode says so instead of naming an exception. */
    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException(LocaleFileNames.unencodable(value));
        }
    }

    /** Whether the run's standard output lost its reader (a pipe into {@code head}). */
    static boolean readerGone(CommandLine cli) {
        return cli.getCommand() instanceof Main main && main.io().stdout() instanceof PipeOutput stdout
                && stdout.readerGone();
    }

    /** With every subcommand. */
    static CommandLine create(Io io) {
        return create(io, PasswordSource.TERMINAL);
    }

    /** With the place {@code send} asks for the SMTP password; tests pass their own. */
    static CommandLine create(Io io, PasswordSource passwords) {
        return create(io, passwords, new String[0]);
    }

    /**
     * For running {@code args}: when they start with a subcommand's name, only that one is
     * built; anything else (help, an option first, a typo) gets them all, so that picocli
     * lists and suggests them as usual.
     */
    static CommandLine create(Io given, PasswordSource passwords, String[] args) {
        PipeOutput stdout = new PipeOutput(given.stdout());
        Io io = new Io(stdout, given.stderr(), given.env(), given.terminal(), given.terminalAt());
        CommandLine cli = new CommandLine(new Main(io, passwords));
        String first = args.length > 0 ? args[0] : "";
        // "help COMMAND" needs the command it explains.
        boolean one = !first.equals("help") && Main.COMMANDS.stream().anyMatch(command -> name(command).equals(first));
        for (Class<?> command : Main.COMMANDS) {
            if (!one || name(command).equals(first)) {
                cli.addSubcommand(command);
            }
        }
        cli.setOut(io.out());
        cli.setErr(io.err());
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(io.ansi()));
        cli.setExecutionExceptionHandler(new ErrorHandler(stdout));
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        cli.setExitCodeExceptionMapper(e -> ExitCode.SOFTWARE.code());
        // After the subcommands are added: a converter reaches only those present when registered.
        cli.registerConverter(Path.class, Cli::path);
        return cli;
    }
}
