package org.signon.cli;

import static org.signon.cli.Reports.counted;
import static org.signon.cli.Reports.ordered;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.signon.signers.SignerKind;
import org.signon.signers.SignerReport;
import org.signon.signers.SignerReport.LeftOut;
import org.signon.signers.SignerReport.SharedName;
import org.signon.signers.SignerReport.UnlistedCategory;
import org.signon.signers.SignerReport.UnusualConsent;
import org.signon.signers.SignerSheet;

/**
 * What {@code signon check} points out about a signer list beyond rows left out: consent
 * answers taken as yes that a person should read, categories that become headings the letter
 * does not list, people listed separately under one name, and a list with no signer at all.
 * Lines are in the signers CSV.
 */
record SignerWarnings(SignerSheet sheet) {

    /** One warning on a line of the signers CSV. */
    record Warning(long line, String message) {
    }

    /** Every warning: unusual consent, unlisted categories, shared names, then an empty list. */
    List<Warning> all() {
        SignerReport report = sheet.report();
        List<Warning> warnings = new ArrayList<>();
        for (UnusualConsent consent : report.unusualConsent()) {
            warnings.add(new Warning(consent.line(), "consent '" + consent.consent() + "' counted as yes ("
                    + counted(consent.rows(), "row") + "); if it is not, change those cells"));
        }
        for (UnlistedCategory category : report.unlistedCategories()) {
            warnings.add(new Warning(category.line(), "category '" + category.category()
                    + "' is not in the letter's groups, so its " + counted(category.signers(), "signer")
                    + (category.signers() == 1 ? " gets a heading of its own" : " get a heading of their own")
                    + "; add it to groups or correct those cells"));
        }
        for (SharedName name : report.sharedNames()) {
            warnings.add(new Warning(name.lines().get(0), sharedName(name)));
        }
        warnings.addAll(noSigners());
        return warnings;
    }

    /** Lists every line, so the organizer can open each row and decide whether it is one person. */
    private static String sharedName(SharedName name) {
        String lines = name.lines().stream().map(String::valueOf).collect(Collectors.joining(", "));
        String basis = switch (name.basis()) {
            case DIFFERENT_EMAILS -> "different emails";
            case DIFFERENT_PLACES -> "different places";
            case SOME_WITHOUT_EMAIL -> "not every row has an email to compare";
        };
        return name.lines().size() + " signers named '" + name.name() + "' are listed as different people (lines "
                + lines + "): " + basis + "; if they are one person, remove the extra rows";
    }

    /** A list with no signer is a letter nobody signs: worth saying, whatever the reason. */
    private List<Warning> noSigners() {
        SignerReport report = sheet.report();
        if (sheet.list().count() > 0) {
            return List.of();
        }
        String why = switch (report.rowsRead()) {
            case 0 -> "the file has a header row but no data rows";
            case 1 -> "its only row was left out";
            default -> "all " + report.rowsRead() + " rows were left out";
        };
        return List.of(new Warning(report.headerLine(), "no signers kept: " + why));
    }

    /** The message for a row left out because its consent is neither yes nor no. */
    static String unclearConsent(LeftOut leftOut) {
        return "consent '" + leftOut.consent() + "' is not a clear yes, left out; if they did sign on, write Yes";
    }

    /**
     * The JSON fields of these warnings, to add to the check report; {@code shared_names} only
     * for a list of people, so a list of organizations reports exactly the fields it always did.
     */
    Map<String, Object> json(SignerKind kind) {
        SignerReport report = sheet.report();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("unusual_consent", report.unusualConsent().stream()
                .map(c -> ordered("line", c.line(), "consent", c.consent(), "rows", c.rows())).toList());
        json.put("unlisted_categories", report.unlistedCategories().stream()
                .map(c -> ordered("line", c.line(), "category", c.category(), "signers", c.signers())).toList());
        json.put("signer_warnings", noSigners().stream()
                .map(w -> ordered("line", w.line(), "message", w.message())).toList());
        if (kind == SignerKind.PEOPLE) {
            json.put("shared_names", report.sharedNames().stream().map(n -> ordered("line", n.lines().get(0),
                    "name", n.name(), "lines", n.lines(), "basis", n.basis().name().toLowerCase(Locale.ROOT))).toList());
        }
        return json;
    }

    /** A left-out row as JSON: {@code consent} only when the consent was unclear. */
    static Map<String, Object> json(LeftOut leftOut) {
        Map<String, Object> json = ordered("line", leftOut.line(), "reason",
                leftOut.reason().name().toLowerCase(Locale.ROOT), "error", leftOut.error());
        if (leftOut.reason() == SignerReport.Reason.UNCLEAR_CONSENT) {
            json.put("consent", leftOut.consent());
        }
        return json;
    }


}
