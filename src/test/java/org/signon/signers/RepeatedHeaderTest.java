package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.signers.SignerReport.LeftOut;
import org.signon.signers.SignerReport.Reason;

class RepeatedHeaderTest {

    private static final String HEADER = "Timestamp,Organization name,City,Type of organization,"
            + "I confirm that my organization signs on to this letter";

    @TempDir
    Path dir;

    @Test
    void aSecondHeaderRowFromTwoExportsJoinedIsLeftOutNotListedAsASigner() {
        Path csv = Csv.write(dir, Csv.lines(HEADER,
                "5/2/2022 9:14:03,Lumen Coalition,,National Organizations,I confirm that my organization signs on to this letter",
                // `cat a.csv b.csv`: the second export's header, its byte order mark and all.
                "\uFEFF" + HEADER,
                "5/3/2022 8:00:00,Riverbend Project,Riverbend,State and Local Organizations,"
                        + "I confirm that my organization signs on to this letter"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.list().all()).extracting(Signer::organization).containsExactly("Lumen Coalition", "Riverbend Project");
        assertThat(sheet.report().leftOut()).containsExactly(new LeftOut(3, Reason.REPEATED_HEADER, false));
        assertThat(sheet.report().unusualConsent()).as("an answer that repeats the consent header is its checkbox label")
                .isEmpty();
    }

    @Test
    void aRepeatedHeaderWithSomeCellsLeftEmptyIsOneToo() {
        Path csv = Csv.write(dir, Csv.lines("Organization,City,Consent", "Example Union,Oakland,Yes", "ORGANIZATION,,consent"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.list().all()).extracting(Signer::organization).containsExactly("Example Union");
        assertThat(sheet.report().leftOut()).containsExactly(new LeftOut(3, Reason.REPEATED_HEADER, false));
    }

    @Test
    void anOrganizationNamedLikeTheColumnIsASignerWhenItsOtherCellsAreData() {
        Path csv = Csv.write(dir, Csv.lines("Organization,City,Consent", "Organization,Oakland,Yes"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.list().all()).extracting(Signer::organization).containsExactly("Organization");
        assertThat(sheet.report().leftOut()).isEmpty();
    }
}
