package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CleaningTest {

    @TempDir
    Path dir;

    @Test
    void trimsAndCollapsesWhitespaceInEveryValue() {
        Path csv = Csv.write(dir, Csv.lines(
                " Organization ,City,Notes",
                "\"  Example \t Tenants\u00A0\u00A0Union  \",  Oakland ,\"line one\r\n\r\n  line two \"",
                "Riverbend\u200B Project,Riverbend,ok"));

        SignerSheet sheet = Csv.load(csv);

        Signer tenants = sheet.list().all().get(0);
        assertThat(tenants.organization()).isEqualTo("Example Tenants Union");
        assertThat(tenants.city()).isEqualTo("Oakland");
        assertThat(tenants.columns())
                .containsEntry("Organization", "Example Tenants Union")
                .containsEntry("Notes", "line one line two");
        assertThat(sheet.list().all().get(1).organization()).isEqualTo("Riverbend Project");
    }

    @Test
    void composesValuesToNfc() {
        String decomposed = "E\u0301ditions Liberte\u0301 Nume\u0301rique";
        Path csv = Csv.write(dir, Csv.lines("Organization,Country", decomposed + ",Re\u0301union"));

        Signer signer = Csv.load(csv).list().all().get(0);

        assertThat(signer.organization()).isEqualTo("\u00C9ditions Libert\u00E9 Num\u00E9rique");
        assertThat(signer.country()).isEqualTo("R\u00E9union");
    }

    @Test
    void cleanValuesAreReturnedUnchanged() {
        String clean = "Example Tenants Union";

        assertThat(TextCleaner.clean(clean)).isSameAs(clean);
        assertThat(TextCleaner.clean("")).isEmpty();
        assertThat(TextCleaner.clean(" \t\r\n ")).isEmpty();
        assertThat(TextCleaner.clean("Ένωση  Ψηφιακών")).isEqualTo("Ένωση Ψηφιακών");
    }
}
