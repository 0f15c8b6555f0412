package org.signon.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code signon} command: subcommands only. */
@Command(
        name = "signon",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Coalition sign-on letters: merge a letter with its signers, render it, send it.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs signon as the shell would and returns its exit code; tests call this. */
    public static int run(String... args) {
        return Cli.create().execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'signon --help'");
    }
}
