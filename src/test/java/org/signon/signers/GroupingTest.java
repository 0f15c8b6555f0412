package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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
    void uncategorizedSignersJoinAGroupSpelledOtherUnderTheHeadingOther() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Category",
                "Alpha Network,National",
                "Beta Project,other",
                "Gamma Fund,",
                "Delta Union,Academic"));

        SignerSheet sheet = Csv.loadGrouped(csv, "National");

        assertThat(sheet.list().groups()).extracting(SignerGroup::name)
                .containsExactly("National", "Academic", "Other");
        assertThat(sheet.list().groups().get(2).signers()).extracting(Signer::organization)
                .containsExactly("Beta Project", "Gamma Fund");
    }

    @Test
    void categoriesTheLetterDoesNotListAreReportedWithFirstLineAndCountButNotOtherTheHeadingForNoCategory() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Category,Consent",
                "Alpha Network,National Organizations,yes",
                "Beta Project,Natl,no",
                "Gamma Fund,Natl,yes",
                "Delta Center,natl.,yes",
                "Epsilon Union,,yes",
                "Zeta Alliance,Labor,yes",
                "Eta Fund,other,yes",
                "The Gamma Fund,Natl,yes"));

        SignerSheet sheet = Csv.loadGrouped(csv, "National Organizations");

        assertThat(sheet.report().unlistedCategories()).containsExactly(
                new SignerReport.UnlistedCategory(4, "Natl", 2),
                new SignerReport.UnlistedCategory(7, "Labor", 1));
        assertThat(sheet.list().groups()).extracting(SignerGroup::name)
                .containsExactly("National Organizations", "Labor", "Natl", "Other");
    }

    @Test
    void noCategoryIsUnlistedWhenAllAreListedOrNoGroupsAreGiven() {
        Path csv = mixedCategories();

        assertThat(Csv.load(csv).report().unlistedCategories()).isEmpty();
        assertThat(Csv.loadGrouped(csv, "National Organizations", "State and Local Organizations",
                "International Organizations", "Faith-Based Groups", "Labor Unions").report().unlistedCategories())
                .isEmpty();
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

    /** Groups large enough to be sorted a chunk at a time while reading come out as one sort would. */
    @Test
    void largeGroupsAreInTheSameOrderAsSortingThemWhole() {
        String[] words = {"Élan", "Elan", "Ñandú", "Nandu", "Öffentlich", "Offen", "the", "The", "Alpha", "alpha",
            "Zeta", "Œuvre", "Ærø", "Straße", "Strasse", "Ca\u0301fe", "Café", "co-op", "Co Op", "中文", "Ωmega"};
        String[] categories = {"National", "State", "Other Groups", "", "", "", "other"};
        Random random = new Random(7);
        StringBuilder text = new StringBuilder("Organization,Category\n");
        for (int i = 0; i < 10_000; i++) {
            text.append('"').append(words[random.nextInt(words.length)]).append(' ')
                    .append(words[random.nextInt(words.length)]).append(' ').append(random.nextInt(5000))
                    .append("\",").append(categories[random.nextInt(categories.length)]).append('\n');
        }
        Path csv = Csv.write(dir, text.toString());

        for (SignerSheet sheet : List.of(Csv.loadGrouped(csv, "State", "National"), Csv.load(csv))) {
            int total = 0;
            for (SignerGroup group : sheet.list().groups()) {
                SignerOrder order = new SignerOrder(Locale.ENGLISH);
                List<SignerOrder.Keyed> byLine = group.signers().stream()
                        .sorted(Comparator.comparingLong(Signer::line))
                        .map(order::keyed)
                        .toList();
                assertThat(group.signers()).isEqualTo(order.sort(byLine));
                total += group.signers().size();
            }
            assertThat(sheet.list().groups()).anySatisfy(group -> assertThat(group.signers()).hasSizeGreaterThan(4096));
            assertThat(total).isEqualTo(sheet.list().count()).isGreaterThan(8_000);
        }
    }
}
