package org.signon.signers;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.signon.io.AtomicFile;
import org.signon.io.FileNames;

/**
 * The signer list as it went out, saved beside the send journal so that {@code signon diff
 * LETTER} can say who joined since. It holds what the letter showed (organization, place,
 * group) and a hashed row identity: no contact names, no email addresses.
 */
public final class SignerSnapshot {

    private static final String[] HEADER = {"organization", "city", "state", "country", "category", RowId.COLUMN};

    private SignerSnapshot() {
    }

    /** Where the snapshot of {@code letter} lives: {@code letters/NAME.sent-signers.csv}. */
    public static Path pathFor(Path letter) {
        return FileNames.sibling(letter, ".sent-signers.csv");
    }

    public static void write(Path file, SignerSheet sheet) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (Signer s : sheet.list().all()) {
                String id = RowId.of(s, sheet.report());
                csv.printRecord(s.organization(), s.city(), s.state(), s.country(), s.category(), id == null ? "" : id);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        AtomicFile.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
