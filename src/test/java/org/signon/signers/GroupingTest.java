package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupingTest {

    @TempDir
    Path dir;

    private Path mixedCategories() {
        return Csv.write(dir, Csv.lines(
                "Organization,Type of organization",
                "Zeta Council,International Organizations",
                "Beta Project,state and local organizations",
                "Alpha Network,National Organizations",
                "Gamma Faith Circle,Faith-Based Groups",
                "Delta Union,",
                "Epsilon Labor Center,Labor Unions",
                "Eta Fund,national organizations",
                "Theta Temple,faith based groups",
                "Iota Collective,  "));
    }

    @Test
    void groupsFollowTheLettersOrderAndSpelling() {
        SignerSheet sheet = Csv.loadGrouped(mixedCategories(),
                "National Organizations", "State and Local Organizations", "International Organizations");

        List<SignerGroup> groups = sheet.list().groups();
        assertThat(groups).extracting(SignerGroup::name).containsExactly(
                "National Organizations",
                "State and Local Organizations",
                "International Organizations",
                "Faith-Based Groups",
                "Labor Unions",
                "Other");
        assertThat(groups.get(0).signers()).extracting(Signer::organization)
                .containsExactly("Alpha Network", "Eta Fund");
        assertThat(groups.get(1).signers()).extracting(Signer::organization).containsExactly("Beta Project");
        assertThat(groups.get(3).signers()).extracting(Signer::organization)
                .containsExactly("Gamma Faith Circle", "Theta Temple");
        assertThat(groups.get(5).signers()).extracting(Signer::organization)
                .containsExactly("Delta Union", "Iota Collective");
        assertThat(sheet.list().count()).isEqualTo(9);
    }

    @Test
    void groupNamesMatchIgnoringCaseSpacingAndPunctuation() {
        SignerSheet sheet = Csv.loadGrouped(mixedCategories(), "NATIONAL   organizations", "Faith based groups.");

        assertThat(sheet.list().groups()).extracting(SignerGroup::name).containsExactly(
                "NATIONAL organizations",
                "Faith based groups.",
                "International Organizations",
                "Labor Unions",
                "state and local organizations",
                "Other");
    }

    @Test
    void listedGroupsWithoutSignersAreOmitted() {
        Path csv = Csv.write(dir, Csv.lines("Organization,Category", "Alpha Network,National"));

        SignerSheet sheet = Csv.loadGrouped(csv, "National", "State and Local", "International");

        assertThat(sheet.list().groups()).extracting(SignerGroup::name).containsExactly("National");
    }

    @Test
    void uncategorizedSignersJoinAGroupSpelledOther() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Category",
                "Alpha Network,National",
                "Beta Project,other",
                "Gamma Fund,",
                "Delta Union,Academic"));

        SignerSheet sheet = Csv.loadGrouped(csv, "National");

        assertThat(sheet.list().groups()).extracting(SignerGroup::name)
                .containsExactly("National", "Academic", "other");
        assertThat(sheet.list().groups().get(2).signers()).extracting(Signer::organization)
                .containsExactly("Beta Project", "Gamma Fund");
    }

    @Test
    void withoutGroupsTheListIsOneUnnamedGroup() {
        SignerSheet sheet = Csv.load(mixedCategories());

        assertThat(sheet.list().groups()).singleElement().satisfies(group -> {
            assertThat(group.name()).isEmpty();
            assertThat(group.signers()).extracting(Signer::organization).startsWith("Alpha Network", "Beta Project")
                    .hasSize(9);
        });
    }

    @Test
    void withoutCategoryColumnTheListIsOneUnnamedGroup() {
        Path csv = Csv.write(dir, Csv.lines("Organization,City", "Beta Project,Tucson", "Alpha Network,Oakland"));

        SignerSheet sheet = Csv.loadGrouped(csv, "National Organizations");

        assertThat(sheet.list().groups()).singleElement().satisfies(group -> {
            assertThat(group.name()).isEmpty();
            assertThat(group.signers()).extracting(Signer::organization)
                    .containsExactly("Alpha Network", "Beta Project");
        });
    }
}
