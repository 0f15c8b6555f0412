package org.signon.signers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.signon.SignonException.Kind;

/**
 * Which CSV column holds which signer field. Explicit mappings win; other fields are found by
 * {@link HeaderClassifier}. It refuses to guess between two candidates for the organization or
 * the consent, since a wrong guess there drops or adds signers.
 */
final class ColumnMap {

    /** Fields where two candidate columns are an error instead of "first one wins". */
    private static final Set<SignerField> NEVER_GUESSED = Set.of(SignerField.ORGANIZATION, SignerField.CONFIRMED);

    private static final int HEADERS_LISTED = 12;

    private final List<String> headers;
    private final Map<SignerField, Integer> indexes;
    private final List<Integer> namedColumns;

    private ColumnMap(List<String> headers, Map<SignerField, Integer> indexes) {
        this.headers = List.copyOf(headers);
        this.indexes = indexes;
        this.namedColumns = firstOfEachName(headers);
    }

    /**
     * @param headers  the cleaned header row
     * @param explicit field to header, from front matter {@code columns:} or {@code --column}
     * @param kind     who signs: for people, the organization field is the person's name
     */
    static ColumnMap resolve(Path file, long headerLine, List<String> headers, Map<SignerField, String> explicit,
            SignerKind kind) {
        Resolver resolver = new Resolver(file, headerLine, headers, kind);
        Map<SignerField, Integer> indexes = new EnumMap<>(SignerField.class);
        explicit.forEach((field, header) -> indexes.put(field, resolver.explicit(field, header)));
        Set<Integer> claimed = new HashSet<>(indexes.values());
        Map<SignerField, List<Integer>> candidates = new EnumMap<>(SignerField.class);
        for (int column = 0; column < headers.size(); column++) {
            SignerField field = claimed.contains(column) ? null : classify(headers.get(column), kind);
            if (field != null && !indexes.containsKey(field)) {
                candidates.computeIfAbsent(field, f -> new ArrayList<>()).add(column);
            }
        }
        candidates.forEach((field, columns) -> {
            if (columns.size() > 1 && NEVER_GUESSED.contains(field)) {
                throw resolver.ambiguous(field, columns);
            }
            indexes.put(field, columns.get(0));
        });
        if (!indexes.containsKey(SignerField.ORGANIZATION)) {
            throw resolver.noOrganization();
        }
        return new ColumnMap(headers, indexes);
    }

    private static SignerField classify(String header, SignerKind kind) {
        return kind == SignerKind.PEOPLE ? HeaderClassifier.classifyPerson(header) : HeaderClassifier.classify(header);
    }

    /** The column holding {@code field}, or -1 when the CSV has none. */
    int index(SignerField field) {
        return indexes.getOrDefault(field, -1);
    }

    boolean has(SignerField field) {
        return indexes.containsKey(field);
    }

    /** Each recognized field and the header it was found under. */
    Map<SignerField, String> recognized() {
        Map<SignerField, String> recognized = new EnumMap<>(SignerField.class);
        indexes.forEach((field, column) -> recognized.put(field, headers.get(column)));
        return recognized;
    }

    /** Headers that map to no field, in file order, each once. */
    List<String> otherColumns() {
        Set<Integer> used = new HashSet<>(indexes.values());
        Set<String> usedNames = used.stream().map(headers::get).collect(Collectors.toSet());
        List<String> others = new ArrayList<>();
        for (int column : namedColumns) {
            if (!used.contains(column) && !usedNames.contains(headers.get(column))) {
                others.add(headers.get(column));
            }
        }
        return others;
    }

    List<String> headers() {
        return headers;
    }

    /**
     * The columns that reach {@link Signer#columns()}: every non-empty header, the first column
     * when a header repeats.
     */
    List<Integer> namedColumns() {
        return namedColumns;
    }

    private static List<Integer> firstOfEachName(List<String> headers) {
        Set<String> seen = new HashSet<>();
        List<Integer> columns = new ArrayList<>();
        for (int column = 0; column < headers.size(); column++) {
            String header = headers.get(column);
            if (!header.isEmpty() && seen.add(header)) {
                columns.add(column);
            }
        }
        return List.copyOf(columns);
    }

    /** Spreadsheet column letters (A, B, ..., Z, AA), as organizers see them in Sheets or Excel. */
    static String letters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    /** Finds explicit headers and words the errors. */
    private record Resolver(Path file, long headerLine, List<String> headers, SignerKind kind) {

        int explicit(SignerField field, String wanted) {
            String header = TextCleaner.clean(wanted == null ? "" : wanted);
            if (header.isEmpty()) {
                throw error(field, "no column header given for " + field.key());
            }
            List<Integer> exact = matching(header, false);
            List<Integer> matches = exact.isEmpty() ? matching(header, true) : exact;
            if (matches.isEmpty()) {
                throw error(field, "column \"" + header + "\" given for " + field.key()
                        + " is not in the header row (" + listHeaders() + ")");
            }
            if (matches.size() > 1) {
                throw error(field, "column \"" + header + "\" given for " + field.key()
                        + " matches " + describe(matches) + "; rename one of them in the CSV");
            }
            return matches.get(0);
        }

        private List<Integer> matching(String header, boolean loosely) {
            String key = NameKey.of(header);
            List<Integer> matches = new ArrayList<>();
            for (int column = 0; column < headers.size(); column++) {
                String candidate = headers.get(column);
                boolean same = loosely ? !key.isEmpty() && NameKey.of(candidate).equals(key) : candidate.equals(header);
                if (same) {
                    matches.add(column);
                }
            }
            return matches;
        }

        SignersException ambiguous(SignerField field, List<Integer> columns) {
            String what = field != SignerField.ORGANIZATION ? "the consent to sign"
                    : kind == SignerKind.PEOPLE ? "the signer's name" : "the organization";
            return error(field, "columns " + describe(columns) + " could each be " + what
                    + "; choose one with --column " + field.key() + "=\"HEADER\""
                    + " (or columns: in the letter's front matter)");
        }

        SignersException noOrganization() {
            if (kind == SignerKind.PEOPLE) {
                return noPersonName();
            }
            return error(SignerField.ORGANIZATION, "no column names the organization (" + listHeaders()
                    + "); the first row must be a header row such as Organization,City,State, "
                    + "or map one with --column organization=\"HEADER\"");
        }

        /**
         * Names a split name and an organization column, the two likely reasons: signon does not
         * join first and last names itself, since which part comes first is the organizer's call.
         */
        private SignersException noPersonName() {
            List<Integer> parts = new ArrayList<>();
            List<Integer> organizations = new ArrayList<>();
            for (int column = 0; column < headers.size(); column++) {
                if (HeaderClassifier.isNamePart(headers.get(column))) {
                    parts.add(column);
                } else if (HeaderClassifier.classify(headers.get(column)) == SignerField.ORGANIZATION) {
                    organizations.add(column);
                }
            }
            StringBuilder message = new StringBuilder("no column holds the signer's full name (")
                    .append(listHeaders()).append(")");
            if (!parts.isEmpty()) {
                message.append("; the name is split into ").append(describe(parts))
                        .append(": add a column with the whole name as it should be listed, headed Name");
            } else {
                message.append("; the first row must be a header row such as Name,City,State");
            }
            message.append(", or map one with --column organization=\"HEADER\"");
            if (!organizations.isEmpty()) {
                message.append(" (with signers_are: people, ").append(describe(organizations))
                        .append(" is the signer's affiliation, not their name)");
            }
            return error(SignerField.ORGANIZATION, message.toString());
        }

        private SignersException error(SignerField field, String message) {
            return new SignersException(Kind.DATA, file, headerLine, field.key(), message, null);
        }

        private String describe(List<Integer> columns) {
            return columns.stream()
                    .map(column -> "\"" + headers.get(column) + "\" (column " + letters(column) + ")")
                    .collect(Collectors.joining(" and "));
        }

        private String listHeaders() {
            String listed = headers.stream()
                    .limit(HEADERS_LISTED)
                    .map(header -> "\"" + header + "\"")
                    .collect(Collectors.joining(", "));
            int more = headers.size() - HEADERS_LISTED;
            return "headers: " + listed + (more > 0 ? " and " + more + " more" : "");
        }
    }
}
