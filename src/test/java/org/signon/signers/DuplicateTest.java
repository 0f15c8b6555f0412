package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.signers.SignerReport.Duplicate;

class DuplicateTest {

    @TempDir
    Path dir;

    @Test
    void sameOrganizationIsKeptOnceInItsFirstSpelling() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,City",
                "The Open Borders Legal Collective,Oakland",
                "Example Tenants Union,Oakland",
                "open borders  legal collective,Fresno",
                "EXAMPLE TENANTS UNION.,Oakland",
                "The Open-Borders Legal Collective!,Tucson"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).containsExactly("Example Tenants Union", "The Open Borders Legal Collective");
        assertThat(sheet.list().all().get(1).city()).isEqualTo("Oakland");
        assertThat(sheet.report().duplicates()).containsExactly(
                new Duplicate(4, 2, "open borders legal collective"),
                new Duplicate(5, 3, "EXAMPLE TENANTS UNION."),
                new Duplicate(6, 2, "The Open-Borders Legal Collective!"));
        assertThat(sheet.report().rowsRead()).isEqualTo(5);
    }

    @Test
    void punctuationAndSpacingDoNotMakeANewOrganization() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization",
                "R*Street Watch",
                "R Street Watch",
                "Fair_Data_Alliance",
                "Fair Data Alliance",
                "Data & Democracy Lab",
                "Data and Democracy Lab"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).containsExactly("Data & Democracy Lab", "Fair_Data_Alliance", "R*Street Watch");
        assertThat(sheet.report().duplicates()).extracting(Duplicate::line, Duplicate::firstLine)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, 2L),
                        org.assertj.core.groups.Tuple.tuple(5L, 4L),
                        org.assertj.core.groups.Tuple.tuple(7L, 6L));
    }

    @Test
    void accentsAndOtherWordsStillMakeADifferentName() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization",
                "Équipe Numérique",
                "Equipe Numerique",
                "Theater Collective",
                "Ater Collective"));

        assertThat(Csv.names(Csv.load(csv))).hasSize(4);
    }

    @Test
    void aRefusalDoesNotShadowALaterConsent() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Consent",
                "Example Tenants Union,No",
                "example tenants union,Yes",
                "EXAMPLE Tenants Union,Yes"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(Csv.names(sheet)).containsExactly("example tenants union");
        assertThat(sheet.list().all().get(0).line()).isEqualTo(3);
        assertThat(sheet.report().duplicates()).containsExactly(new Duplicate(4, 3, "EXAMPLE Tenants Union"));
    }
}
