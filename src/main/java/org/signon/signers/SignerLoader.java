package org.signon.signers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signon.SignonException.Kind;
import org.signon.io.CsvText;

/**
 * Reads a signers CSV and cleans, orders and groups it: the one entry point for the cli.
 *
 * <p>Rows are streamed: each is cleaned, checked for consent, an organization and an earlier
 * row naming the same organization (among people, the same person: see {@link PeopleIndex}),
 * and only the signers that stay are kept in memory.
 */
public final class SignerLoader {

    /** How much of a one-cell header row an error shows. */
    private static final int HEADER_SHOWN = 80;

    private SignerLoader() {
    }

    /**
     * @throws SignersException NO_INPUT when the file is missing or unreadable; DATA when it is
     *                          empty, not UTF-8, malformed CSV, or its columns cannot be mapped
     */
    public static SignerSheet load(Path csv, SignerOptions options) {
        SignerOptions effective = options;
        Locale locale = options.locale();
        try (CsvRows rows = CsvRows.open(csv)) {
            CsvRows.Row header = firstNonBlank(rows);
            if (header == null) {
                throw new SignersException(Kind.DATA, csv, 0, null, "the file is empty: expected a header row such as "
                        + (effective.kind() == SignerKind.PEOPLE ? "Name" : "Organization") + ",City,State", null);
            }
            refuseOtherSeparators(csv, header);
            ColumnMap columns = ColumnMap.resolve(csv, header.line(), cleaned(header), effective.columns(),
                    effective.kind());
            RowTriage triage = new RowTriage(csv, header.line(), columns, new SignerOrder(locale), effective.groups(),
                    effective.kind() == SignerKind.PEOPLE ? new PeopleIndex(columns) : null);
            RowCleaner cleaner = new RowCleaner(columns.headers().size());
            for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
                triage.accept(cleaner.clean(row));
            }
            return triage.finish();
        }
    }

    private static CsvRows.Row firstNonBlank(CsvRows rows) {
        CsvRows.Row row = rows.next();
        while (row != null && row.isBlank()) {
            row = rows.next();
        }
        return row;
    }

    /**
     * A header row that is one cell holding semicolons or tabs is a file separated by them (a
     * European Excel export, a TSV). It is refused, not read another way: guessing the
     * separator of a file that decides who is listed would trade a clear error for a wrong list.
     */
    private static void refuseOtherSeparators(Path csv, CsvRows.Row header) {
        if (header.size() != 1) {
            return;
        }
        String cell = header.raw(0);
        long semicolons = cell.chars().filter(c -> c == ';').count();
        long tabs = cell.chars().filter(c -> c == '\t').count();
        if (semicolons == 0 && tabs == 0) {
            return;
        }
        String separator = semicolons >= tabs ? "';'" : "tabs";
        throw new SignersException(Kind.DATA, csv, header.line(), null, "the header row is one column, \""
                + shortened(TextCleaner.clean(cell)) + "\": the file seems separated by " + separator
                + ", not commas; " + CsvText.EXPORT_AGAIN, null);
    }

    private static String shortened(String text) {
        return text.length() <= HEADER_SHOWN ? text : text.substring(0, HEADER_SHOWN) + "...";
    }

    private static List<String> cleaned(CsvRows.Row header) {
        List<String> names = new ArrayList<>(header.size());
        for (int column = 0; column < header.size(); column++) {
            names.add(TextCleaner.clean(header.raw(column)));
        }
        return names;
    }

    /** Decides what becomes of each data row and keeps the account for the report. */
    private static final class RowTriage {
        private final Path file;
        private final long headerLine;
        private final ColumnMap columns;
        private final SignerOrder order;
        private final int width;
        private final RowColumns.Layout layout;
        private final int organizationColumn;
        private final int cityColumn;
        private final int stateColumn;
        private final int countryColumn;
        private final int categoryColumn;
        private final int confirmedColumn;
        /** The first signer of each organization key, which later rows with that key repeat. */
        private final Map<String, Signer> firstByKey = new HashMap<>();
        /** For a list of people, who repeats whom; null for organizations, which the name decides. */
        private final PeopleIndex people;
        private final SignerGrouping grouping;
        private final List<SignerReport.Duplicate> duplicates = new ArrayList<>();
        private final List<SignerReport.LeftOut> leftOut = new ArrayList<>();
        private final ConsentTally consentTally;
        private int rowsRead;
        /** The last consent cell read and what it says: pooled cells repeat the same few strings. */
        private String lastConsentCell;
        private Consent.Answer lastConsent;

        RowTriage(Path file, long headerLine, ColumnMap columns, SignerOrder order, List<String> groups,
                PeopleIndex people) {
            this.file = file;
            this.people = people;
            this.headerLine = headerLine;
            this.columns = columns;
            this.order = order;
            this.grouping = new SignerGrouping(groups, columns.has(SignerField.CATEGORY), order);
            this.width = columns.headers().size();
            this.layout = new RowColumns.Layout(columns.headers(), columns.namedColumns());
            this.organizationColumn = columns.index(SignerField.ORGANIZATION);
            this.cityColumn = columns.index(SignerField.CITY);
            this.stateColumn = columns.index(SignerField.STATE);
            this.countryColumn = columns.index(SignerField.COUNTRY);
            this.categoryColumn = columns.index(SignerField.CATEGORY);
            this.confirmedColumn = columns.index(SignerField.CONFIRMED);
            this.consentTally = new ConsentTally(confirmedColumn < 0 ? "" : columns.headers().get(confirmedColumn));
        }

        void accept(RowCleaner.CleanRow row) {
            if (!row.overflows() && row.isEmpty()) {
                return;
            }
            rowsRead++;
            if (row.overflows()) {
                throw new SignersException(Kind.DATA, file, row.line(), null, "this row has " + row.cells()
                        + " cells but the header row has " + width + "; a value containing a comma must be quoted",
                        null);
            }
            String[] values = row.values();
            if (repeatsHeader(values)) {
                leftOut.add(new SignerReport.LeftOut(row.line(), SignerReport.Reason.REPEATED_HEADER, false));
                return;
            }
            if (confirmedColumn >= 0 && !consents(values[confirmedColumn], row.line())) {
                return;
            }
            String organization = values[organizationColumn];
            String key = NameKey.organization(organization);
            if (key.isEmpty()) {
                leftOut.add(new SignerReport.LeftOut(row.line(), SignerReport.Reason.NO_ORGANIZATION, true));
                return;
            }
            // Made before knowing it is new: one lookup per row, and a repeat's signer is cheap to drop.
            Signer signer = signer(row.line(), values);
            Signer first = people == null ? firstByKey.putIfAbsent(key, signer) : people.earlier(key, values, signer);
            if (first != null) {
                // Only an email can match two names (among people): say which name stays listed.
                String listedAs = people == null || NameKey.organization(first.organization()).equals(key)
                        ? "" : first.organization();
                duplicates.add(new SignerReport.Duplicate(row.line(), first.line(), organization, listedAs));
                return;
            }
            grouping.add(order.keyed(signer));
            if (confirmedColumn >= 0) {
                // Counted once listed: a duplicate or a row without an organization is not.
                consentTally.add(values[confirmedColumn], row.line());
            }
        }

        /**
         * Whether the row is a second header row, as two exports joined into one file have: its
         * organization cell, and every other cell with a value, is its column's header. Its
         * consent cell would count as a yes ("I confirm ...") and list "Organization name".
         */
        private boolean repeatsHeader(String[] values) {
            List<String> headers = columns.headers();
            if (!values[organizationColumn].equalsIgnoreCase(headers.get(organizationColumn))) {
                return false;
            }
            for (int i = 0; i < values.length && i < headers.size(); i++) {
                if (!values[i].isEmpty() && !values[i].equalsIgnoreCase(headers.get(i))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the row consents; if not, it is recorded as left out. */
        private boolean consents(String cell, long line) {
            if (cell != lastConsentCell) {
                lastConsent = Consent.read(cell);
                lastConsentCell = cell;
            }
            switch (lastConsent) {
                case YES -> {
                    return true;
                }
                case UNSURE -> leftOut.add(new SignerReport.LeftOut(line, SignerReport.Reason.UNCLEAR_CONSENT, false, cell));
                case EMPTY, NO -> leftOut.add(new SignerReport.LeftOut(line, SignerReport.Reason.NO_CONSENT, false));
            }
            return false;
        }

        SignerSheet finish() {
            List<SignerReport.UnlistedCategory> unlisted = grouping.unlistedCategories();
            List<SignerGroup> grouped = grouping.groups();
            SignerReport report = new SignerReport(file, rowsRead, columns.recognized(), columns.otherColumns(),
                    duplicates, leftOut, headerLine, consentTally.unusual(), unlisted,
                    people == null ? List.of() : people.sharedNames());
            return new SignerSheet(new SignerList(grouped), report);
        }

        private Signer signer(long line, String[] values) {
            return new Signer(line,
                    values[organizationColumn],
                    value(values, cityColumn),
                    value(values, stateColumn),
                    value(values, countryColumn),
                    value(values, categoryColumn),
                    layout.of(values));
        }

        private static String value(String[] values, int column) {
            return column < 0 ? "" : values[column];
        }
    }
}
