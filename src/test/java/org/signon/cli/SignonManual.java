package org.signon.cli;

import picocli.CommandLine.Command;

/**
 * signon with every subcommand declared, for the build's man page and completion generators,
 * which read annotations; the running tool adds its subcommands itself ({@link Main#COMMANDS}).
 * {@code SignonManualTest} keeps the two lists the same.
 */
@Command(subcommands = {
    RenderCommand.class,
    CheckCommand.class,
    InitCommand.class,
    SendCommand.class,
    DiffCommand.class,
    picocli.CommandLine.HelpCommand.class,
})
public class SignonManual extends Main {

    /** For the generators, which instantiate the class reflectively. */
    public SignonManual() {
    }
}
