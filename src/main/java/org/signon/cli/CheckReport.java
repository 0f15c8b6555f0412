package org.signon.cli;

import static org.signon.cli.Reports.counted;
import static org.signon.cli.Reports.ordered;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signon.letter.Letter;
import org.signon.letter.UnknownTag;
import org.signon.signers.SignerField;
import org.signon.signers.SignerGroup;
import org.signon.signers.SignerReport;
import org.signon.signers.SignerReport.LeftOut;
import org.signon.signers.SignerSheet;
import picocli.CommandLine.Help.Ansi;

/**
 * What {@code signon check} found, printed for people ({@code file:line: message}, as editors
 * and grep expect) or as JSON whose field names are part of signon's documented interface.
 */
record CheckReport(Letter source, SignerSheet sheet, List<UnknownTag> unknownTags, List<LetterFinding> letterChecks) {

    private Path letter() {
        return source.file();
    }

    /**
     * The letter asks for group headings but the CSV has no category column: the list would
     * come out flat, which is easy to miss until the letter is public.
     */
    private List<LetterFinding> letterFindings() {
        if (source.front().groups().isEmpty() || sheet.report().columns().containsKey(SignerField.CATEGORY)) {
            return List.of();
        }
        return List.of(new LetterFinding(letter(), source.front().lineOf("groups"), "groups", false,
                "groups are listed but the signers have no category column, so the list has no headings; "
                        + "map one with --column category=HEADER"));
    }

    long errorCount() {
        return unknownTags.size() + sheet.report().leftOut().stream().filter(LeftOut::error).count()
                + letterChecks.stream().filter(LetterFinding::error).count();
    }

    long warningCount() {
        SignerReport report = sheet.report();
        return report.duplicates().size() + report.leftOut().stream().filter(l -> !l.error()).count()
                + letterFindings().size() + new SignerWarnings(sheet).all().size()
                + letterChecks.stream().filter(f -> !f.error()).count();
    }

    void printText(PrintWriter out, Ansi ansi) {
        SignerReport report = sheet.report();
        Path csv = report.file();
        out.printf("%s: %s read, %s kept%n", csv, counted(report.rowsRead(), "row"), counted(sheet.list().count(), "signer"));
        for (SignerGroup group : sheet.list().groups()) {
            out.printf("  %s: %d%n", group.name().isEmpty() ? "(ungrouped)" : group.name(), group.signers().size());
        }
        for (SignerField field : SignerField.values()) {
            String header = report.columns().get(field);
            if (header != null) {
                out.printf("  column %s: \"%s\"%n", field.key(), header);
            }
        }
        if (!report.otherColumns().isEmpty()) {
            out.printf("  other columns (used only if the template asks): %s%n",
                    String.join(", ", report.otherColumns().stream().map(h -> "\"" + h + "\"").toList()));
        }
        List<Finding> findings = new ArrayList<>();
        SignerWords words = SignerWords.of(source.front().signersAre());
        for (SignerReport.Duplicate d : report.duplicates()) {
            findings.add(new Finding(d.line(), false, "duplicate of line " + d.firstLine()
                    + (d.listedAs().isEmpty() ? "" : " (the same email, listed as '" + d.listedAs() + "')")
                    + ", left out: " + d.organization()));
        }
        for (LeftOut l : report.leftOut()) {
            findings.add(new Finding(l.line(), l.error(), describe(l, words)));
        }
        new SignerWarnings(sheet).all().forEach(w -> findings.add(new Finding(w.line(), false, w.message())));
        findings.sort(Comparator.comparingLong(Finding::line));
        for (Finding f : findings) {
            out.printf("%s:%d: %s: %s%n", csv, f.line(), label(ansi, f.error()), f.message());
        }
        // The letter's findings in line order, whichever check found them, as for the CSV.
        List<LetterFinding> inLetter = new ArrayList<>(letterChecks);
        for (UnknownTag tag : unknownTags) {
            inLetter.add(new LetterFinding(letter(), tag.line(), null, true, "unknown tag '" + tag.tag() + "'"));
        }
        inLetter.addAll(letterFindings());
        inLetter.sort(Comparator.comparingLong(LetterFinding::line));
        for (LetterFinding f : inLetter) {
            out.printf("%s: %s: %s%n", f.where(), label(ansi, f.error()), f.message());
        }
        out.printf("%s: %d error%s, %d warning%s%n",
                errorCount() == 0 ? ansi.string("@|bold,green ok|@") : ansi.string("@|bold,red failed|@"),
                errorCount(), errorCount() == 1 ? "" : "s", warningCount(), warningCount() == 1 ? "" : "s");
    }


    private record Finding(long line, boolean error, String message) {
    }

    private static String label(Ansi ansi, boolean error) {
        return error ? ansi.string("@|bold,red error|@") : ansi.string("@|yellow warning|@");
    }

    private static String describe(LeftOut leftOut, SignerWords words) {
        return switch (leftOut.reason()) {
            case NO_CONSENT -> "no consent, left out";
            case UNCLEAR_CONSENT -> SignerWarnings.unclearConsent(leftOut);
            case NO_ORGANIZATION -> words.noName();
            case REPEATED_HEADER -> "repeats the header row (two exports joined into one file?), left out";
        };
    }

    Map<String, Object> toJson() {
        SignerReport report = sheet.report();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", errorCount() == 0);
        json.put("errors", errorCount());
        json.put("warnings", warningCount());
        json.put("letter", letter().toString());
        json.put("signers_file", report.file().toString());
        json.put("rows_read", report.rowsRead());
        json.put("signers", sheet.list().count());
        json.put("groups", groups());
        Map<String, String> columns = new LinkedHashMap<>();
        for (SignerField field : SignerField.values()) {
            if (report.columns().containsKey(field)) {
                columns.put(field.key(), report.columns().get(field));
            }
        }
        json.put("columns", columns);
        json.put("other_columns", report.otherColumns());
        json.put("duplicates", report.duplicates().stream().map(CheckReport::json).toList());
        json.put("left_out", report.leftOut().stream().map(SignerWarnings::json).toList());
        json.putAll(new SignerWarnings(sheet).json(source.front().signersAre()));
        List<Map<String, Object>> letterWarnings = new ArrayList<>(
                letterFindings().stream().map(f -> ordered("line", f.line(), "message", f.message())).toList());
        letterChecks.stream().filter(f -> !f.error())
                .forEach(f -> letterWarnings.add(ordered("line", f.line(), "message", f.message())));
        json.put("letter_warnings", letterWarnings);
        json.put("letter_errors", letterChecks.stream().filter(LetterFinding::error).map(f -> ordered(
                "line", f.line(), "field", f.field(), "message", f.message())).toList());
        json.put("unknown_tags", unknownTags.stream().map(t -> ordered("tag", t.tag(), "line", t.line())).toList());
        return json;
    }

    /** A duplicate as JSON: {@code listed_as} only when another name stays listed (people, one email). */
    private static Map<String, Object> json(SignerReport.Duplicate duplicate) {
        Map<String, Object> json = ordered("line", duplicate.line(), "first_line", duplicate.firstLine(),
                "organization", duplicate.organization());
        if (!duplicate.listedAs().isEmpty()) {
            json.put("listed_as", duplicate.listedAs());
        }
        return json;
    }

    private List<Map<String, Object>> groups() {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (SignerGroup group : sheet.list().groups()) {
            groups.add(ordered("name", group.name(), "count", group.signers().size()));
        }
        return groups;
    }

}
