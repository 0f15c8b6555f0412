package org.signon.signers;

import java.util.Map;

/**
 * One cleaned, consenting signatory.
 *
 * @param line         the physical line in the CSV where the row starts
 * @param organization the name as submitted (whitespace collapsed, NFC)
 * @param city         empty when absent, never null; likewise state, country, category
 * @param columns      every column of the row by its CSV header, for templates that ask;
 *                     immutable, the first column when a header repeats
 */
public record Signer(
        long line,
        String organization,
        String city,
        String state,
        String country,
        String category,
        Map<String, String> columns) {

    public Signer {
        // A loaded row's columns are already an immutable view; copying them would cost a map per row.
        columns = columns instanceof RowColumns ? columns : Map.copyOf(columns);
    }
}
