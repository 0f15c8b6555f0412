package org.signon.signers;

/**
 * Cleans the cells of each data row and shares repeated values, column by column. It keeps
 * state (the pools), so one instance sees the rows of one file, in order, on one thread.
 */
final class RowCleaner {

    /**
     * A data row with its cells cleaned.
     *
     * @param cells     how many cells the CSV row had, which may differ from the header's
     * @param values    one cleaned value per header column, empty where the row is short
     * @param overflows whether the row has non-blank cells beyond the header's width
     */
    record CleanRow(long line, int cells, String[] values, boolean overflows) {

        boolean isEmpty() {
            for (String value : values) {
                if (!value.isEmpty()) {
                    return false;
                }
            }
            return true;
        }
    }

    private final int width;
    private final ValuePool[] pools;

    RowCleaner(int width) {
        this.width = width;
        this.pools = new ValuePool[width];
        for (int column = 0; column < width; column++) {
            pools[column] = new ValuePool();
        }
    }

    CleanRow clean(CsvRows.Row row) {
        String[] values = new String[width];
        for (int column = 0; column < width; column++) {
            values[column] = pools[column].share(TextCleaner.clean(row.raw(column)));
        }
        return new CleanRow(row.line(), row.size(), values, overflows(row));
    }

    /**
     * A row wider than the header usually means an unquoted comma inside a name, which
     * shifts every later cell; empty trailing cells (spreadsheet padding) are harmless.
     */
    private boolean overflows(CsvRows.Row row) {
        for (int column = width; column < row.size(); column++) {
            if (!TextCleaner.isBlank(row.raw(column))) {
                return true;
            }
        }
        return false;
    }
}
