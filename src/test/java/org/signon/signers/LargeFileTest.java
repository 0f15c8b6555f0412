package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.SignonException.Kind;

/** Files of thousands of rows: every row in order, and the first problem reported with its line. */
class LargeFileTest {

    private static final int ROWS = 5000;

    @TempDir
    Path dir;

    @Test
    void everyRowOfALargeFileArrivesInOrder() {
        StringBuilder text = new StringBuilder("Organization,Comments\r\n");
        for (int i = 0; i < ROWS; i++) {
            text.append("Organization ").append(String.format("%05d", i)).append(",\"two\r\nlines\"\r\n");
        }
        Path csv = Csv.write(dir, text.toString());

        SignerSheet sheet = Csv.load(csv);

        List<Signer> signers = sheet.list().all();
        assertThat(signers).hasSize(ROWS);
        assertThat(sheet.report().rowsRead()).isEqualTo(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(signers.get(i).organization()).isEqualTo(String.format("Organization %05d", i));
            assertThat(signers.get(i).line()).isEqualTo(2 + 2L * i);
        }
    }

    @Test
    void malformedCsvFarIntoTheFileFailsWithItsLine() {
        StringBuilder text = rows(0, 3000);
        text.append("Broken Project,\"never closed\n");
        text.append(rows(3000, 2000));
        Path csv = Csv.write(dir, text.toString());

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.line()).isEqualTo(3002);
        assertThat(e.getMessage()).contains("quoted field");
    }

    @Test
    void aBadRowBeforeMalformedCsvIsTheErrorReported() {
        StringBuilder text = rows(0, 1500);
        text.append("Example Group, Inc.,Tucson\n");
        text.append(rows(1500, 1500));
        text.append("Broken Project,\"never closed\n");
        Path csv = Csv.write(dir, text.toString());

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.line()).isEqualTo(1502);
        assertThat(e.getMessage()).contains("3 cells");
    }

    @Test
    void aBadRowNearTheStartOfALargeFileStopsTheLoad() {
        StringBuilder text = rows(0, 0);
        text.append("Example Group, Inc.,Tucson\n");
        text.append(rows(1, 50_000));
        Path csv = Csv.write(dir, text.toString());

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.line()).isEqualTo(2);
    }

    /** {@code count} rows numbered from {@code first}, after a header when {@code first} is 0. */
    private static StringBuilder rows(int first, int count) {
        StringBuilder text = new StringBuilder(first == 0 ? "Organization,City\n" : "");
        for (int i = first; i < first + count; i++) {
            text.append("Organization ").append(i).append(",Springfield\n");
        }
        return text;
    }
}
