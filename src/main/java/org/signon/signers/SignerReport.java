package org.signon.signers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a signers CSV was cleaned, for {@code signon check}.
 *
 * @param file         the CSV read
 * @param rowsRead     data rows read (blank rows not counted)
 * @param columns      each recognized field and the header it was found under
 * @param otherColumns headers that map to no field (they still reach templates)
 * @param duplicates   rows dropped because an earlier row names the same organization
 * @param leftOut      rows dropped for no consent or no organization
 */
public record SignerReport(
        Path file,
        int rowsRead,
        Map<SignerField, String> columns,
        List<String> otherColumns,
        List<Duplicate> duplicates,
        List<LeftOut> leftOut) {

    public SignerReport {
        columns = Map.copyOf(columns);
        otherColumns = List.copyOf(otherColumns);
        duplicates = List.copyOf(duplicates);
        leftOut = List.copyOf(leftOut);
    }

    /** A row dropped as a repeat of the row at {@code firstLine}. */
    public record Duplicate(long line, long firstLine, String organization) {
    }

    /** A row dropped; {@code error} when it must fail a check (it consented but has no name). */
    public record LeftOut(long line, Reason reason, boolean error) {
    }

    public enum Reason {
        /** The consent column says no / false / 0 / n, or is empty. */
        NO_CONSENT,
        /** The organization cell is empty. */
        NO_ORGANIZATION
    }

    public boolean hasErrors() {
        return leftOut.stream().anyMatch(LeftOut::error);
    }
}
