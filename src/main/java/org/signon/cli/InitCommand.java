package org.signon.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.signon.starter.StarterCampaign;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "init",
        description = {
            "Start a campaign: a starter letter, its signers CSV and settings.",
            "Creates letters/NAME.md (a commented starter letter), signers/NAME.csv (a",
            "form-export header) and, if absent, signon.properties. Never overwrites an",
            "existing file.",
        })
final class InitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "Campaign name, e.g. hart-aws.")
    String name;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR", defaultValue = ".",
            description = "Campaign folder (default: the current one).")
    Path directory;

    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        List<Path> written = StarterCampaign.create(directory, name);
        PrintWriter out = main.out();
        // Paths as they work from here; the next command from the campaign folder, where send
        // finds its signon.properties.
        boolean here = directory.normalize().toString().isEmpty();
        written.forEach(path -> out.println("created " + (here ? directory.relativize(path) : path)));
        String cd = here ? "" : "cd " + shellWord(directory.toString()) + " && ";
        out.println("next: edit the letter, export the form to the CSV, then run: " + cd + "signon check "
                + directory.relativize(written.get(0)));
        out.flush();
        return ExitCode.OK.code();
    }

    /** The folder as a shell reads it when pasted: quoted when it holds a space or the like. */
    private static String shellWord(String text) {
        return text.matches("[A-Za-z0-9/._+,:@%-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
