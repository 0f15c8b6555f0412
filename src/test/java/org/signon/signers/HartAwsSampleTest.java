package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signon.signers.SignerReport.Duplicate;
import org.signon.signers.SignerReport.LeftOut;
import org.signon.signers.SignerReport.Reason;

/** The sample campaign's signers file, read with the groups its letter lists. */
class HartAwsSampleTest {

    private static final Path SAMPLE = Path.of("signers", "hart-aws.csv");

    private static SignerSheet load() {
        return SignerLoader.load(SAMPLE, new SignerOptions(Map.of(),
                List.of("National Organizations", "State and Local Organizations", "International Organizations"),
                Locale.ENGLISH));
    }

    @Test
    void fileHasTheShapeOfAGoogleFormsExport() throws Exception {
        byte[] bytes = Files.readAllBytes(SAMPLE);

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n").endsWith("\r\n");
        assertThat(text).doesNotContainPattern("@(?!example\\.(org|com|net)\\b)[A-Za-z]");
    }

    @Test
    void countsRowsSignersDuplicatesAndLeftOut() {
        SignerSheet sheet = load();
        SignerReport report = sheet.report();

        assertThat(report.rowsRead()).isEqualTo(40);
        assertThat(sheet.list().count()).isEqualTo(36);
        assertThat(report.duplicates()).containsExactly(new Duplicate(27, 5, "open borders legal collective"));
        assertThat(report.leftOut()).containsExactly(
                new LeftOut(9, Reason.NO_CONSENT, false),
                new LeftOut(14, Reason.NO_CONSENT, false),
                new LeftOut(21, Reason.NO_CONSENT, false));
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.columns()).hasSize(8);
        assertThat(report.otherColumns()).containsExactly("Contact name", "Comments");
    }

    @Test
    void groupsInTheLettersOrder() {
        List<SignerGroup> groups = load().list().groups();

        assertThat(groups).extracting(SignerGroup::name).containsExactly(
                "National Organizations", "State and Local Organizations", "International Organizations");
        assertThat(groups).extracting(group -> group.signers().size()).containsExactly(15, 11, 10);
    }

    @Test
    void ordersNamesAsAReaderExpects() {
        List<SignerGroup> groups = load().list().groups();
        List<String> national = names(groups.get(0));
        List<String> local = names(groups.get(1));
        List<String> international = names(groups.get(2));

        assertThat(national.get(0)).isEqualTo("Brightwater Alliance for Fair Technology");
        assertThat(national.subList(9, 12)).containsExactly(
                "Northstar Migrants' Legal Aid Fund", "The Open Borders Legal Collective", "Q*Street Monitor");
        assertThat(national).contains("Justice, Dignity and Hope Coalition", "Fair_Code_Collective",
                "Kestrel Data & Democracy Lab");
        assertThat(local.get(10)).isEqualTo("The Sanctuary Network of Lakeside");
        assertThat(international).containsExactly(
                "Asociación Cívica Frontera Ejemplar",
                "Digitale Freiheit Beispielstadt e.V.",
                "Éditions Liberté Numérique",
                "Kijiji Data Rights Initiative",
                "Maple Migrant Solidarity",
                "Ñandutí Digital Rights Network",
                "Southern Cross Privacy Forum",
                "Ένωση Ψηφιακών Ελευθεριών Αιγαίου",
                "Мрежа за дигитална права Пример",
                "شبكة المثال للحقوق الرقمية");
    }

    @Test
    void keepsLocationsAndLinesOfLocalAndInternationalGroups() {
        List<Signer> all = load().list().all();
        Signer riverbend = find(all, "Riverbend Immigrant Defense Project");
        Signer ceir = find(all, "Council on Example-Immigrant Relations New York (CEIR-NY)");
        Signer editions = find(all, "Éditions Liberté Numérique");

        assertThat(riverbend.line()).isEqualTo(3);
        assertThat(riverbend.city()).isEqualTo("Riverbend");
        assertThat(riverbend.state()).isEqualTo("OR");
        assertThat(riverbend.columns()).containsEntry("Comments", "We are glad to join. Please list us under Oregon.");
        assertThat(ceir.line()).isEqualTo(11);
        assertThat(ceir.city()).isEqualTo("New York");
        assertThat(editions.line()).isEqualTo(7);
        assertThat(editions.city()).isEmpty();
        assertThat(editions.country()).isEqualTo("France");
        assertThat(find(all, "The Open Borders Legal Collective").line()).isEqualTo(5);
    }

    private static List<String> names(SignerGroup group) {
        return group.signers().stream().map(Signer::organization).toList();
    }

    private static Signer find(List<Signer> signers, String organization) {
        return signers.stream().filter(s -> s.organization().equals(organization)).findFirst().orElseThrow();
    }
}
