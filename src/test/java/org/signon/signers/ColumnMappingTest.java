package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.SignonException.Kind;

class ColumnMappingTest {

    @TempDir
    Path dir;

    @Test
    void findsGoogleFormsHeaders() {
        Path csv = Csv.write(dir, Csv.lines(
                "Timestamp,Email Address,Organization name,City,State,Country,Type of organization,"
                        + "Contact name,I confirm that my organization signs on to this letter,Comments",
                "5/2/2022 9:14:03,a@example.org,Example Tenants Union,Oakland,CA,,State and Local,Ana,Yes,"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.report().columns()).containsExactlyInAnyOrderEntriesOf(Map.of(
                SignerField.SIGNED, "Timestamp",
                SignerField.EMAIL, "Email Address",
                SignerField.ORGANIZATION, "Organization name",
                SignerField.CITY, "City",
                SignerField.STATE, "State",
                SignerField.COUNTRY, "Country",
                SignerField.CATEGORY, "Type of organization",
                SignerField.CONFIRMED, "I confirm that my organization signs on to this letter"));
        assertThat(sheet.report().otherColumns()).containsExactly("Contact name", "Comments");
        Signer signer = sheet.list().all().get(0);
        assertThat(signer.organization()).isEqualTo("Example Tenants Union");
        assertThat(signer.category()).isEqualTo("State and Local");
    }

    @Test
    void findsOrganisationSpellingAndQuestionStyleConsent() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organisation,Region,Does your organisation wish to sign on?",
                "Digitale Freiheit Beispielstadt e.V.,Berlin,Yes",
                "Harborview Watch,Hamburg,No"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.report().columns())
                .containsEntry(SignerField.ORGANIZATION, "Organisation")
                .containsEntry(SignerField.STATE, "Region")
                .containsEntry(SignerField.CONFIRMED, "Does your organisation wish to sign on?");
        assertThat(Csv.names(sheet)).containsExactly("Digitale Freiheit Beispielstadt e.V.");
    }

    @Test
    void headersAreMatchedIgnoringCaseSpacingAndPunctuation() {
        Path csv = Csv.write(dir, Csv.lines(
                "  ORGANIZATION   NAME ,e-mail,city / town",
                "Example Tenants Union,a@example.org,Oakland"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.report().columns())
                .containsEntry(SignerField.ORGANIZATION, "ORGANIZATION NAME")
                .containsEntry(SignerField.EMAIL, "e-mail")
                .containsEntry(SignerField.CITY, "city / town");
    }

    @Test
    void everyColumnPassesThroughByItsHeader() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Contact name,Website,Comments",
                "Example Tenants Union,  Ana   Example ,https://example.org,\"two\nlines\""));

        Signer signer = Csv.load(csv).list().all().get(0);

        assertThat(signer.columns()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Organization", "Example Tenants Union",
                "Contact name", "Ana Example",
                "Website", "https://example.org",
                "Comments", "two lines"));
    }

    @Test
    void explicitMappingWinsOverHeaderNames() {
        Path csv = Csv.write(dir, Csv.lines(
                "Name,Organization name,Kind,Group",
                "Ana Example,Example Tenants Union,Local,Housing"));

        SignerSheet sheet = Csv.load(csv, Map.of(
                SignerField.ORGANIZATION, "Organization name",
                SignerField.CATEGORY, "kind"));

        assertThat(sheet.report().columns())
                .containsEntry(SignerField.ORGANIZATION, "Organization name")
                .containsEntry(SignerField.CATEGORY, "Kind");
        assertThat(sheet.report().otherColumns()).containsExactly("Name", "Group");
        Signer signer = sheet.list().all().get(0);
        assertThat(signer.organization()).isEqualTo("Example Tenants Union");
        assertThat(signer.category()).isEqualTo("Local");
    }

    @Test
    void explicitMappingToAMissingHeaderNamesFieldAndHeader() {
        Path csv = Csv.write(dir, Csv.lines("Organization,City", "Example Tenants Union,Oakland"));

        SignersException e = catchThrowableOfType(SignersException.class,
                () -> Csv.load(csv, Map.of(SignerField.CATEGORY, "Type of group")));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.field()).isEqualTo("category");
        assertThat(e.getMessage()).contains("\"Type of group\"").contains("category").contains("\"City\"");
    }

    @Test
    void twoPossibleOrganizationColumnsAreAnError() {
        Path csv = Csv.write(dir, Csv.lines(
                "Name,Email,Organization name,Consent",
                "Ana Example,a@example.org,Example Tenants Union,Yes"));

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.kind()).isEqualTo(Kind.DATA);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage())
                .contains("\"Name\"")
                .contains("\"Organization name\"")
                .contains("--column organization=");
    }

    @Test
    void ambiguousOrganizationIsResolvedByMappingOne() {
        Path csv = Csv.write(dir, Csv.lines(
                "Name,Email,Organization name",
                "Ana Example,a@example.org,Example Tenants Union"));

        SignerSheet sheet = Csv.load(csv, Map.of(SignerField.ORGANIZATION, "Organization name"));

        assertThat(Csv.names(sheet)).containsExactly("Example Tenants Union");
        assertThat(sheet.report().otherColumns()).containsExactly("Name");
    }

    @Test
    void twoPossibleConsentColumnsAreAnError() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Consent,I confirm that my organization signs on to this letter",
                "Example Tenants Union,Yes,Yes"));

        SignersException e = catchThrowableOfType(SignersException.class, () -> Csv.load(csv));

        assertThat(e.getMessage())
                .contains("\"Consent\"")
                .contains("\"I confirm that my organization signs on to this letter\"")
                .contains("--column confirmed=");
    }

    @Test
    void otherFieldsTakeTheFirstMatchingColumn() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Email Address,Contact email",
                "Example Tenants Union,first@example.org,second@example.org"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.report().columns()).containsEntry(SignerField.EMAIL, "Email Address");
        assertThat(sheet.report().otherColumns()).containsExactly("Contact email");
    }

    @Test
    void typeOfOrganizationAndContactNameAreNotTheOrganization() {
        Path csv = Csv.write(dir, Csv.lines(
                "Contact name,Type of organization,Organization",
                "Ana Example,National,Example Tenants Union"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.report().columns())
                .containsEntry(SignerField.ORGANIZATION, "Organization")
                .containsEntry(SignerField.CATEGORY, "Type of organization");
    }

    @Test
    void newsletterConsentIsNotConsentToSign() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,I agree to receive email updates",
                "Example Tenants Union,No"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.report().columns()).doesNotContainKey(SignerField.CONFIRMED);
        assertThat(Csv.names(sheet)).containsExactly("Example Tenants Union");
    }

    @Test
    void repeatedHeaderCannotBeMappedAndSaysWhichColumns() {
        Path csv = Csv.write(dir, Csv.lines("Organization,City,Organization", "Alpha Network,Oakland,Alpha"));

        SignersException e = catchThrowableOfType(SignersException.class,
                () -> Csv.load(csv, Map.of(SignerField.ORGANIZATION, "Organization")));

        assertThat(e.getMessage()).contains("(column A)").contains("(column C)").contains("rename");
    }

    @Test
    void spreadsheetColumnLetters() {
        assertThat(ColumnMap.letters(0)).isEqualTo("A");
        assertThat(ColumnMap.letters(25)).isEqualTo("Z");
        assertThat(ColumnMap.letters(26)).isEqualTo("AA");
        assertThat(ColumnMap.letters(701)).isEqualTo("ZZ");
        assertThat(ColumnMap.letters(702)).isEqualTo("AAA");
    }
}
