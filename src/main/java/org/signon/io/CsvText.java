package org.signon.io;

/**
 * What signon says about a CSV export that is not UTF-8 text, for the signers and the contacts
 * files alike, and the tests behind it. Exports come out of Excel, Google Sheets, Airtable and
 * scripts; the fix is always the same export, so every message ends with it.
 */
public final class CsvText {

    /** How to get a file signon reads. */
    public static final String EXPORT_AGAIN = "export it again as comma-separated \"CSV UTF-8\" (Excel: Save As > CSV"
            + " UTF-8 (Comma delimited); Google Sheets: File > Download > CSV)";

    public static final String UTF16 = "the file is UTF-16 text (Excel \"Unicode Text\"), not UTF-8";

    public static final String NOT_TEXT = "the file has NUL bytes, so it is not CSV text: UTF-16 without a"
            + " byte-order mark, or a spreadsheet file such as .xlsx or .ods";

    public static final String STRAY_NUL = "the file has a NUL byte on this line, which CSV text never has (a"
            + " damaged or padded file): remove it";

    /** How far into a file NUL bytes are looked for: they show at once in UTF-16 or a workbook. */
    public static final int NUL_SCAN = 4096;

    private CsvText() {
    }

    /**
     * The NUL bytes of {@code bytes[from, to)}.
     *
     * @param first the index of the first, or -1 when there is none
     * @param count how many there are
     */
    public record Nuls(int first, int count) {

        public static Nuls in(byte[] bytes, int from, int to) {
            int first = -1;
            int count = 0;
            for (int i = from; i < to; i++) {
                if (bytes[i] == 0) {
                    first = first < 0 ? i : first;
                    count++;
                }
            }
            return new Nuls(first, count);
        }
    }

    /** Whether {@code first} and {@code second} are a UTF-16 byte-order mark (FF FE, or FE FF). */
    public static boolean isUtf16Mark(int first, int second) {
        return (first & 0xFF) == 0xFF && (second & 0xFF) == 0xFE || (first & 0xFF) == 0xFE && (second & 0xFF) == 0xFF;
    }

    /**
     * Whether NUL bytes among the first bytes say the file is not text at all (UTF-16 puts one
     * beside every ASCII letter; a workbook is a ZIP file, "PK\3\4"), rather than one damaged line.
     *
     * @param start   the file's first bytes
     * @param nuls    NUL bytes among the {@code scanned} first bytes
     */
    public static boolean notText(byte[] start, int nuls, int scanned) {
        boolean zip = start.length >= 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4;
        return zip || nuls * 10L >= scanned;
    }
}
