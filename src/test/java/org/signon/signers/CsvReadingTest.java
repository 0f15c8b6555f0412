package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.SignonException.Kind;

class CsvReadingTest {

    @TempDir
    Path dir;

    @Test
    void readsUtf8WithByteOrderMarkAndCrlf() {
        Path csv = Csv.writeBytes(dir, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "Organization,City\r\nÉditions Liberté,Lyon\r\nExample Tenants Union,Oakland\r\n"
                        .getBytes(StandardCharsets.UTF_8)));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.report().columns()).containsEntry(SignerField.ORGANIZATION, "Organization");
        assertThat(Csv.names(sheet)).containsExactly("Éditions Liberté", "Example Tenants Union");
        assertThat(sheet.list().all()).extracting(Signer::line).containsExactly(2L, 3L);
        assertThat(sheet.list().all().get(0).city()).isEqualTo("Lyon");
    }

    @Test
    void readsLfWithoutByteOrderMarkAndWithoutFinalLineEnd() {
        Path csv = Csv.write(dir, "Organization,City\nExample Tenants Union,Oakland\nRiverbend Project,Riverbend");

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).containsExactly("Example Tenants Union", "Riverbend Project");
        assertThat(sheet.list().all().get(1).city()).isEqualTo("Riverbend");
    }

    @Test
    void quotedCommaAndLineBreakKeepPhysicalLineNumbers() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Comments",
                "Alpha Network,\"first line",
                "second line\"",
                "Beta Project,plain",
                "\"Gamma, Dignity and Hope\",\"a, b\""));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.list().all())
                .extracting(Signer::organization, Signer::line)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Alpha Network", 2L),
                        org.assertj.core.groups.Tuple.tuple("Beta Project", 4L),
                        org.assertj.core.groups.Tuple.tuple("Gamma, Dignity and Hope", 5L));
        assertThat(sheet.list().all().get(0).columns()).containsEntry("Comments", "first line second line");
    }

    @Test
    void lineNumbersCountCrlfInsideQuotedFieldsOnce() {
        Path csv = Csv.write(dir, "Organization,Comments\r\nAlpha,\"one\r\ntwo\r\nthree\"\r\nBeta,x\r\n");

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.list().all()).extracting(Signer::line).containsExactly(2L, 5L);
    }

    @Test
    void loneCarriageReturnsEndLinesToo() {
        Path csv = Csv.write(dir, "Organization,Comments\rAlpha,\"one\rtwo\"\rBeta,x\r");

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.list().all()).extracting(Signer::line).containsExactly(2L, 4L);
    }

    @Test
    void blankRowsAreSkippedAndNotCounted() {
        Path csv = Csv.write(dir, Csv.lines(
                "",
                "Organization,City",
                "Alpha Network,Oakland",
                "",
                ",",
                "  ,\t",
                "Beta Project,Tucson",
                ""));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.report().rowsRead()).isEqualTo(2);
        assertThat(sheet.report().leftOut()).isEmpty();
        assertThat(sheet.list().all()).extracting(Signer::line).containsExactly(3L, 7L);
    }

    @Test
    void headerOnlyFileGivesAnEmptyList() {
        Path csv = Csv.write(dir, "Organization,City\n");

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.list().count()).isZero();
        assertThat(sheet.list().groups()).isEmpty();
        assertThat(sheet.report().rowsRead()).isZero();
    }

    @Test
    void unterminatedQuoteFailsWithTheLineWhereTheFieldStarts() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Comments",
                "Alpha Network,\"fine",
                "still fine\"",
                "Beta Project,\"never closed",
                "Gamma,more",
                "Delta,more"));

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.file()).isEqualTo(csv);
        assertThat(e.describe()).startsWith(csv + ":4: ").contains("quoted field");
    }

    @Test
    void textAfterAClosingQuoteFailsWithItsLine() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Comments",
                "Alpha Network,ok",
                "\"Beta\" Project,ok"));

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("\"\"");
    }

    @Test
    void latin1FileFailsWithFileLineAndAdviceToExportAsUtf8() {
        byte[] latin1 = Csv.lines(
                "Organization,City",
                "Example Tenants Union,Oakland",
                "Association Liberté,Lyon").getBytes(StandardCharsets.ISO_8859_1);
        Path csv = Csv.writeBytes(dir, latin1);

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.describe()).startsWith(csv + ":3: ").contains("UTF-8").contains("0xE9");
    }

    @Test
    void invalidUtf8FarIntoALargeFileReportsItsExactLine() {
        StringBuilder text = new StringBuilder("Organization,Comments\r\n");
        for (int i = 0; i < 5000; i++) {
            text.append("Organization number ").append(i).append(",\"quoted\r\ncomment\"\r\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("Caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.writeBytes(",x\r\n".getBytes(StandardCharsets.UTF_8));
        Path csv = Csv.writeBytes(dir, bytes.toByteArray());

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.line()).isEqualTo(1 + 5000 * 2 + 1);
    }

    @Test
    void utf16FilesFailSayingSoAndHowToExportUtf8() {
        String text = "\uFEFFOrganization\tCity\r\nÉditions Liberté\tLyon\r\n";
        for (java.nio.charset.Charset utf16 : java.util.List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            Path csv = Csv.writeBytes(dir, text.getBytes(utf16));

            SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

            assertThat(e.kind()).isEqualTo(Kind.DATA);
            assertThat(e.describe()).as(utf16.name()).startsWith(csv + ":1: ").contains("UTF-16", "CSV UTF-8")
                    .doesNotContain("byte 0x");
        }
    }

    @Test
    void utf16WithoutAByteOrderMarkOrAWorkbookFailsInsteadOfListingSpacedOutNames() {
        byte[] utf16 = "Organization,City\r\nAlpha Network,Lyon\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0};
        for (byte[] bytes : java.util.List.of(utf16, xlsx)) {
            Path csv = Csv.writeBytes(dir, bytes);

            SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

            assertThat(e.kind()).isEqualTo(Kind.DATA);
            assertThat(e.describe()).startsWith(csv + ":1: the file has NUL bytes, so it is not CSV text")
                    .contains("UTF-16 without a byte-order mark", ".xlsx", "CSV UTF-8");
        }
    }

    @Test
    void aStrayNulByteIsNamedWithItsLineAsADamagedFileNotAsUtf16() {
        Path csv = Csv.writeBytes(dir, "Organization\nAlpha Network\nBeta\u0000Project\n".getBytes(StandardCharsets.UTF_8));

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("a NUL byte on this line").doesNotContain("UTF-16");
    }

    @Test
    void aBadFirstByteThatIsNotAUtf16MarkIsStillNotUtf8() {
        Path csv = Csv.writeBytes(dir, new byte[] {(byte) 0xFF, 'O', 'r', 'g', '\n'});

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.getMessage()).contains("not UTF-8 text (byte 0xFF)").doesNotContain("UTF-16");
    }

    @Test
    void semicolonSeparatedFileFailsNamingTheSeparator() {
        Path csv = Csv.write(dir, Csv.lines("", "Organization name;Comments", "Alpha Network;fine"));

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.describe()).startsWith(csv + ":2: ")
                .contains("\"Organization name;Comments\"", "separated by ';'", "commas");
    }

    @Test
    void tabSeparatedFileFailsNamingTheSeparator() {
        Path csv = Csv.write(dir, Csv.lines("Organization\tCity\tConsent", "Alpha Network\tOakland\tyes"));

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.describe()).startsWith(csv + ":1: ").contains("separated by tabs").doesNotContain("\t");
    }

    @Test
    void aSemicolonInOneOfSeveralHeadersIsJustAHeader() {
        Path csv = Csv.write(dir, Csv.lines("Organization,Notes; comments", "Alpha Network,ok"));

        assertThat(Csv.names(Csv.load(csv))).containsExactly("Alpha Network");
    }

    @Test
    void emptyFileIsAnError() {
        Path csv = Csv.write(dir, "");

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.getMessage()).contains("empty").contains("header");
    }

    @Test
    void fileOfBlankLinesIsAnError() {
        Path csv = Csv.write(dir, "\r\n\r\n  \r\n");

        assertThatThrownBy(() -> Csv.load(csv))
                .isInstanceOf(SignersException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void dataWithoutHeaderRowIsAnError() {
        Path csv = Csv.write(dir, Csv.lines("Example Tenants Union,Oakland,CA", "Riverbend Project,Riverbend,OR"));

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("header row").contains("--column organization=");
    }

    @Test
    void missingFileIsNoInput() {
        Path csv = dir.resolve("absent.csv");

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.kind()).isEqualTo(Kind.NO_INPUT);
        assertThat(e.file()).isEqualTo(csv);
    }

    @Test
    void folderIsNoInput() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("signers.csv"));

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(folder));

        assertThat(e.kind()).isEqualTo(Kind.NO_INPUT);
    }

    @Test
    void rowWiderThanTheHeaderFailsWithItsLine() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,City,State",
                "Example Tenants Union,Oakland,CA",
                "Example Group, Inc.,Tucson,AZ"));

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("4 cells").contains("3").contains("quoted");
    }

    @Test
    void emptyTrailingCellsAndShortRowsAreFine() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,City,State",
                "Example Tenants Union,Oakland,CA,,",
                "Riverbend Project"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).containsExactly("Example Tenants Union", "Riverbend Project");
        Signer riverbend = sheet.list().all().get(1);
        assertThat(riverbend.city()).isEmpty();
        assertThat(riverbend.columns()).containsEntry("State", "");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
