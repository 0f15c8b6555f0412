package org.signon.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.signon.letter.UnknownTag;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "check",
        description = {
            "Check a letter and its signers without writing anything.",
            "Reports rows read, signers kept per group, duplicates, left-out rows,",
            "consent answers worth a second look, categories missing from groups,",
            "unknown template tags, unused columns, and what render and send would",
            "stop on: images, addresses, names the PDF cannot draw. Exits 0 when",
            "there is no error (warnings allowed), 65 when there is one.",
        })
final class CheckCommand implements Callable<Integer> {

    @Mixin
    LetterInput input;

    @Option(names = "--json", description = "Print the report as JSON for scripts.")
    boolean json;

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        Campaign campaign = input.load();
        List<UnknownTag> unknownTags = campaign.template().unknownTags(campaign.signers().list());
        List<LetterFinding> letterChecks = LetterChecks.of(campaign, unknownTags.isEmpty());
        CheckReport report = new CheckReport(campaign.letter(), campaign.signers(), unknownTags, letterChecks);
        PrintWriter out = main.out();
        if (json) {
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(report.toJson()));
        } else {
            report.printText(out, main.io().ansi());
        }
        out.flush();
        return report.errorCount() == 0 ? ExitCode.OK.code() : ExitCode.DATA.code();
    }
}
