package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.signers.SignerReport.Basis;
import org.signon.signers.SignerReport.Duplicate;
import org.signon.signers.SignerReport.SharedName;

class PeopleTest {

    @TempDir
    Path dir;

    private static SignerSheet people(Path csv) {
        return SignerLoader.load(csv, new SignerOptions(Map.of(), List.of(), Locale.ENGLISH, SignerKind.PEOPLE));
    }

    private static List<Long> lines(SignerSheet sheet) {
        return sheet.list().all().stream().map(Signer::line).sorted().toList();
    }

    @Test
    void sameNameWithDifferentEmailsIsTwoPeople() {
        Path csv = Csv.write(dir, Csv.lines(
                "Name,City,Email",
                "Maria Garcia,Austin,maria.garcia@example.org",
                "David Kim,Seattle,dkim@example.net",
                "maria garcia,Austin,mgarcia@example.com"));

        SignerSheet sheet = people(csv);

        assertThat(lines(sheet)).containsExactly(2L, 3L, 4L);
        assertThat(sheet.report().duplicates()).isEmpty();
        assertThat(sheet.report().sharedNames()).containsExactly(
                new SharedName("Maria Garcia", List.of(2L, 4L), Basis.DIFFERENT_EMAILS));
    }

    @Test
    void sameEmailInAnotherCaseOrSpacingIsOnePersonReportedWithBothLines() {
        Path csv = Csv.write(dir, Csv.lines(
                "Name,City,Email",
                "David Kim,Seattle,dkim@example.net",
                "Maria Garcia,Austin,maria@example.org",
                "David Kim,Tacoma,\"  DKim@Example.NET \""));

        SignerSheet sheet = people(csv);

        assertThat(lines(sheet)).containsExactly(2L, 3L);
        assertThat(sheet.list().all()).filteredOn(s -> s.organization().equals("David Kim"))
                .singleElement().extracting(Signer::city).isEqualTo("Seattle");
        assertThat(sheet.report().duplicates()).containsExactly(new Duplicate(4, 2, "David Kim"));
        assertThat(sheet.report().sharedNames()).isEmpty();
    }

    @Test
    void withoutAnEmailColumnOnlyTheSameNameAndPlaceIsOnePerson() {
        Path csv = Csv.write(dir, Csv.lines(
                "Name,City,State,Country",
                "Ana Lopez,Tucson,AZ,USA",
                "ana  lopez.,Tucson,AZ,USA",
                "Ana Lopez,Tucson,NM,USA",
                "Ana Lopez,Denver,CO,USA",
                "Ana Lopez,Tucson,AZ,"));

        SignerSheet sheet = people(csv);

        assertThat(lines(sheet)).containsExactly(2L, 4L, 5L, 6L);
        assertThat(sheet.report().duplicates()).containsExactly(new Duplicate(3, 2, "ana lopez."));
        assertThat(sheet.report().sharedNames()).containsExactly(
                new SharedName("Ana Lopez", List.of(2L, 4L, 5L, 6L), Basis.DIFFERENT_PLACES));
    }

    @Test
    void aRowWithoutAnEmailRepeatsAnEarlierPersonOfTheSameNameAndPlace() {
        Path csv = Csv.write(dir, Csv.lines(
                "Name,City,Email",
                "Ana Lopez,Tucson,ana@example.org",
                "Ana Lopez,Tucson,",
                "Ana Lopez,Denver,",
                "Ana Lopez,Denver,lopez@example.com"));

        SignerSheet sheet = people(csv);

        // Line 5 has an email, so it is never dropped for a name and place seen before.
        assertThat(lines(sheet)).containsExactly(2L, 4L, 5L);
        assertThat(sheet.report().duplicates()).containsExactly(new Duplicate(3, 2, "Ana Lopez"));
        assertThat(sheet.report().sharedNames()).containsExactly(
                new SharedName("Ana Lopez", List.of(2L, 4L, 5L), Basis.SOME_WITHOUT_EMAIL));
    }

    @Test
    void organizationsStillRepeatByNameWhateverTheirEmails() {
        Path csv = Csv.write(dir, Csv.lines(
                "Name,City,Email",
                "Maria Garcia,Austin,maria.garcia@example.org",
                "Maria Garcia,Fresno,mgarcia@example.com"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(lines(sheet)).containsExactly(2L);
        assertThat(sheet.report().duplicates()).containsExactly(new Duplicate(3, 2, "Maria Garcia"));
        assertThat(sheet.report().sharedNames()).isEmpty();
    }

    @Test
    void aPeopleExportMapsTheFullNameAndLeavesTheOrganizationAsAnAffiliation() {
        Path csv = Csv.write(dir, Csv.lines(
                "Timestamp,Your full name,Organization,Email Address,City",
                "2026-05-01,Maria Garcia,Example University,maria@example.org,Austin"));

        SignerSheet sheet = people(csv);

        assertThat(sheet.report().columns()).containsEntry(SignerField.ORGANIZATION, "Your full name")
                .containsEntry(SignerField.EMAIL, "Email Address");
        assertThat(sheet.report().otherColumns()).containsExactly("Organization");
        Signer signer = sheet.list().all().get(0);
        assertThat(signer.organization()).isEqualTo("Maria Garcia");
        assertThat(signer.columns()).containsEntry("Organization", "Example University");
    }

    @Test
    void aNameSplitInFirstAndLastIsNamedInTheError() {
        Path csv = Csv.write(dir, Csv.lines(
                "First name,Last name,Organization,Email",
                "Maria,Garcia,Example University,maria@example.org"));

        assertThatThrownBy(() -> people(csv)).isInstanceOf(SignersException.class)
                .hasMessageContaining("no column holds the signer's full name")
                .hasMessageContaining("the name is split into \"First name\" (column A) and \"Last name\" (column B)")
                .hasMessageContaining("--column organization=")
                .hasMessageContaining("\"Organization\" (column C) is the signer's affiliation");
    }
}
