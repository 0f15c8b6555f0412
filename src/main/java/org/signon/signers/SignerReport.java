package org.signon.signers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a signers CSV was cleaned, for {@code signon check}.
 *
 * @param file               the CSV read
 * @param rowsRead           data rows read (blank rows not counted)
 * @param columns            each recognized field and the header it was found under
 * @param otherColumns       headers that map to no field (they still reach templates)
 * @param duplicates         rows dropped because an earlier row names the same organization
 * @param leftOut            rows dropped for no consent, unclear consent or no organization
 * @param headerLine         the line of the header row
 * @param unusualConsent     consent answers counted as yes that are not a plain yes, in file
 *                           order: worth a look, since a wrong yes lists an organization that
 *                           did not sign
 * @param unlistedCategories categories the letter's {@code groups} do not name, in file order;
 *                           each becomes a heading of its own
 * @param sharedNames        with {@code signers_are: people}, the listed signers whose names
 *                           have the same key, kept as different people, in file order of
 *                           their first line; always empty for organizations
 */
public record SignerReport(
        Path file,
        int rowsRead,
        Map<SignerField, String> columns,
        List<String> otherColumns,
        List<Duplicate> duplicates,
        List<LeftOut> leftOut,
        long headerLine,
        List<UnusualConsent> unusualConsent,
        List<UnlistedCategory> unlistedCategories,
        List<SharedName> sharedNames) {

    public SignerReport {
        columns = Map.copyOf(columns);
        otherColumns = List.copyOf(otherColumns);
        duplicates = List.copyOf(duplicates);
        leftOut = List.copyOf(leftOut);
        unusualConsent = List.copyOf(unusualConsent);
        unlistedCategories = List.copyOf(unlistedCategories);
        sharedNames = List.copyOf(sharedNames);
    }

    /** A report of a list of organizations, where no two listed signers share a name. */
    public SignerReport(Path file, int rowsRead, Map<SignerField, String> columns, List<String> otherColumns,
            List<Duplicate> duplicates, List<LeftOut> leftOut, long headerLine, List<UnusualConsent> unusualConsent,
            List<UnlistedCategory> unlistedCategories) {
        this(file, rowsRead, columns, otherColumns, duplicates, leftOut, headerLine, unusualConsent,
                unlistedCategories, List.of());
    }

    /**
     * A row dropped as a repeat of the row at {@code firstLine}.
     *
     * @param listedAs the name listed from {@code firstLine} when it is another name (a person
     *                 who signed again with the same email and a different name), else ""
     */
    public record Duplicate(long line, long firstLine, String organization, String listedAs) {

        public Duplicate(long line, long firstLine, String organization) {
            this(line, firstLine, organization, "");
        }
    }

    /**
     * A row dropped; {@code error} when it must fail a check (it consented but has no name).
     *
     * @param consent the consent cell when the reason is {@link Reason#UNCLEAR_CONSENT}, else ""
     */
    public record LeftOut(long line, Reason reason, boolean error, String consent) {

        public LeftOut(long line, Reason reason, boolean error) {
            this(line, reason, error, "");
        }
    }

    public enum Reason {
        /** The consent column says no / false / 0 / n, is empty, or holds a placeholder (None, N/A, -). */
        NO_CONSENT,
        /** The consent column neither says yes nor no: Maybe, Pending, TBD, "Need board approval". */
        UNCLEAR_CONSENT,
        /** The organization cell is empty. */
        NO_ORGANIZATION,
        /** The row repeats the header row: two exports joined into one file. */
        REPEATED_HEADER
    }

    /**
     * A consent answer counted as yes though it is not a plain yes-like word nor the checkbox
     * label of the column ("Board to confirm").
     *
     * @param line    the first line with this answer
     * @param consent the answer, as cleaned
     * @param rows    how many rows gave it
     */
    public record UnusualConsent(long line, String consent, int rows) {
    }

    /**
     * A category the letter's groups do not list, which becomes its own heading.
     *
     * @param line     the first line of a signer kept under it
     * @param category the heading it gets (its first spelling)
     * @param signers  how many signers are kept under it
     */
    public record UnlistedCategory(long line, String category, int signers) {
    }

    /**
     * People listed separately whose names have the same key ("Maria Garcia" twice): worth a
     * look, as they may be one person who signed twice with two emails.
     *
     * @param name  the first row's spelling
     * @param lines the line of each, in file order
     * @param basis why they count as different people
     */
    public record SharedName(String name, List<Long> lines, Basis basis) {

        public SharedName {
            lines = List.copyOf(lines);
        }
    }

    /** Why signers sharing a name are listed as different people. */
    public enum Basis {
        /** Every row has an email, each a different one. */
        DIFFERENT_EMAILS,
        /** Each row gives another city, state or country. */
        DIFFERENT_PLACES,
        /** Some rows have no email and some share a place: a row with an email is never dropped by name. */
        SOME_WITHOUT_EMAIL
    }

    public boolean hasErrors() {
        return leftOut.stream().anyMatch(LeftOut::error);
    }
}
