package org.signon.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code signon} command: subcommands only. */
@Command(
        name = "signon",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "Coalition sign-on letters: merge a letter with its signers, render it, send it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "  0:success (check: no errors; send: everything sent or already sent)",
            "  3:send: messages held back for you to decide (uncertain, or changed since sent; a dry run: a sent letter's journal is missing)",
            " 64:usage: a wrong option, format or name",
            " 65:bad data: CSV, front matter, template, address, or check found errors",
            " 66:an input file is missing or unreadable (send --send: also a sent letter's journal)",
            " 69:the SMTP server cannot be reached or refused the connection",
            " 70:internal error (a bug: please report it with --verbose output)",
            " 73:an output file cannot be created, or init would overwrite",
            " 74:reading or writing failed part-way",
            " 75:some messages were not sent (refused, cut off or not reached); re-run to continue",
            " 77:the SMTP server refused the login, offers none signon can use though smtp.username is set, or requires one",
            " 78:bad configuration (signon.properties, environment)",
            "130:stopped by Ctrl-C: no summary (send: the journal holds what was sent)",
            "141:standard output closed early (| head): no message",
        })
public class Main implements Runnable {

    /**
     * The subcommands, in the order help lists them. Added by {@link Cli}, only the one asked
     * for when it is the first argument: building each one's model by reflection costs tens of
     * milliseconds on a cold JVM.
     */
    static final List<Class<?>> COMMANDS = List.of(
            RenderCommand.class,
            CheckCommand.class,
            InitCommand.class,
            SendCommand.class,
            DiffCommand.class,
            CommandLine.HelpCommand.class);

    private final Io io;
    private final PasswordSource passwords;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On failure, also print the stack trace.")
    boolean verbose;

    /** For tools that instantiate the command reflectively (man page, completion generators). */
    Main() {
        this(Io.system());
    }

    Main(Io io) {
        this(io, PasswordSource.TERMINAL);
    }

    Main(Io io, PasswordSource passwords) {
        this.io = io;
        this.passwords = passwords;
    }

    public static void main(String[] args) {
        if (asksOnlyForVersion(args)) {
            // Building the picocli model costs most of a second of reflection on a cold JVM;
            // scripts call --version often, so it answers without it.
            System.out.println(new VersionProvider().getVersion()[0]);
            return;
        }
        System.exit(run(Io.system(), args));
    }

    private static boolean asksOnlyForVersion(String[] args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** Runs signon with the given streams and environment; tests call this. */
    public static int run(Io io, String... args) {
        CommandLine cli = Cli.create(io, PasswordSource.TERMINAL, args);
        int code = cli.execute(args);
        if (Cli.readerGone(cli)) {
            // The reader stopped reading (| head): nothing to report, but what it had is partial.
            return code == ExitCode.OK.code() ? ExitCode.READER_GONE.code() : code;
        }
        if (cli.getOut().checkError()) {
            // PrintWriter keeps write errors to itself; a truncated report must not exit 0.
            cli.getErr().println("signon: cannot write to standard output");
            cli.getErr().flush();
            return ExitCode.IO.code();
        }
        return code;
    }

    Io io() {
        return io;
    }

    /** Standard output as a UTF-8 writer: the one picocli also uses, so output stays in order. */
    java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error as a UTF-8 writer, shared with picocli and the error handler. */
    java.io.PrintWriter err() {
        return spec.commandLine().getErr();
    }

    PasswordSource passwords() {
        return passwords;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }
}
