package org.signon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.signers.SignerKind;
import org.signon.signers.SignerLoader;
import org.signon.signers.SignerOptions;
import org.signon.signers.SignerSnapshot;

class DiffCommandTest {

    private static final String HEADER = "Timestamp,Email Address,Organization name,Consent\n";

    @TempDir
    Path dir;

    private Path csv(String name, String rows) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, HEADER + rows);
        return file;
    }

    /** An export of people: name, email and city. */
    private Path people(String name, String rows) throws Exception {
        return Files.writeString(dir.resolve(name), "Name,Email,City\n" + rows);
    }

    @Test
    void reportsAddedRemovedAndRenamedRows() throws Exception {
        Path before = csv("before.csv", """
                5/1/2022 9:00,a@example.org,Example Tenants Union,Yes
                5/1/2022 9:05,b@example.org,Riverbend Legal Aid,Yes
                5/1/2022 9:10,c@example.org,Leaving Example Org,Yes
                """);
        Path after = csv("after.csv", """
                5/1/2022 9:00,a@example.org,The Example Tenants Union,Yes
                5/1/2022 9:05,b@example.org,Riverbend Immigrant Legal Aid,Yes
                5/1/2022 9:10,c@example.org,Leaving Example Org,No
                5/2/2022 8:00,d@example.org,Newcomer Example Alliance,Yes
                5/2/2022 8:30,e@example.org,Second Example Collective,Yes
                """);

        CliRun run = CliRun.of("diff", before.toString(), after.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(before + " -> " + after + ": 3 -> 4 signers\n"
                + "2 organizations added:\n"
                + "  + Newcomer Example Alliance\n"
                + "  + Second Example Collective\n"
                + "1 organization removed:\n"
                + "  - Leaving Example Org\n"
                + "2 organizations renamed:\n"
                + "  ~ Example Tenants Union -> The Example Tenants Union\n"
                + "  ~ Riverbend Legal Aid -> Riverbend Immigrant Legal Aid\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonForScripts() throws Exception {
        Path before = csv("before.csv", "5/1/2022 9:00,a@example.org,Old Spelling Org,Yes\n");
        Path after = csv("after.csv", "5/1/2022 9:00,a@example.org,New Spelling Org,Yes\n5/2/2022 8:00,d@example.org,Joiner Org,Yes\n");

        CliRun run = CliRun.of("diff", before.toString(), after.toString(), "--json");

        Map<String, Object> json = JSON.std.mapFrom(run.out());
        assertThat((Map<String, Object>) json.get("after")).containsEntry("signers", 2);
        assertThat((List<Object>) json.get("added")).containsExactly(
                Map.of("organization", "Joiner Org", "category", "", "line", 3));
        assertThat((List<Object>) json.get("removed")).isEmpty();
        assertThat((List<Object>) json.get("renamed")).containsExactly(
                Map.of("before", "Old Spelling Org", "after", "New Spelling Org", "line", 2));
    }

    @Test
    void withoutRowIdentityARespellingIsARemovalAndAnAddition() throws Exception {
        Path before = dir.resolve("b.csv");
        Files.writeString(before, "Organization\nOld Spelling Org\n");
        Path after = dir.resolve("a.csv");
        Files.writeString(after, "Organization\nNew Spelling Org\n");

        CliRun run = CliRun.of("diff", before.toString(), after.toString());

        assertThat(run.out()).contains("  + New Spelling Org", "  - Old Spelling Org").doesNotContain("renamed");
    }

    @Test
    void letterIsComparedWithTheListAsLastSent() throws Exception {
        Path signers = csv("signers.csv", "5/1/2022 9:00,a@example.org,Example Tenants Union,Yes\n");
        Path letter = dir.resolve("letter.md");
        Files.writeString(letter, "---\nsigners: signers.csv\n---\nHello\n");
        SignerSnapshot.write(SignerSnapshot.pathFor(letter), SignerLoader.load(signers, SignerOptions.defaults()));
        Files.writeString(signers, HEADER + "5/1/2022 9:00,a@example.org,Example Tenants Union (ETU),Yes\n"
                + "5/3/2022 9:00,z@example.org,Late Example Org,Yes\n");

        CliRun run = CliRun.of("diff", letter.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("letter.sent-signers.csv -> ", ": 1 -> 2 signers",
                "1 organization added:\n  + Late Example Org",
                "  ~ Example Tenants Union -> Example Tenants Union (ETU)");
        assertThat(Files.readString(SignerSnapshot.pathFor(letter))).doesNotContain("@example.org");
    }

    @Test
    void aSecondPersonOfTheSameNameWhoJoinedIsAddedInAPeopleLetter() throws Exception {
        Path signers = dir.resolve("people.csv");
        Files.writeString(signers, "Name,Email,City\nMaria Garcia,maria.g@example.org,Austin\n");
        Path letter = dir.resolve("open.md");
        Files.writeString(letter, "---\nsigners: people.csv\nsigners_are: people\n---\nHello\n");
        SignerSnapshot.write(SignerSnapshot.pathFor(letter), SignerLoader.load(signers, new SignerOptions(Map.of(),
                List.of(), Locale.ENGLISH, SignerKind.PEOPLE)));
        Files.writeString(signers, "Name,Email,City\nMaria Garcia,maria.g@example.org,Austin\n"
                + "Maria Garcia,mgarcia@example.net,Fresno\n");

        CliRun run = CliRun.of("diff", letter.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(": 1 -> 2 signers", "1 person added:\n  + Maria Garcia\n")
                .doesNotContain("removed");
    }

    @Test
    void twoExportsOfPeopleKeepTwoPeopleOfOneNameApart() throws Exception {
        Path before = people("before.csv", "Maria Garcia,maria.g@example.org,Austin\n");
        Path after = people("after.csv", "Maria Garcia,maria.g@example.org,Austin\n"
                + "Maria Garcia,mgarcia@example.net,Fresno\nMaria Garcia,MGARCIA@example.net,Fresno\n");

        CliRun run = CliRun.of("diff", before.toString(), after.toString(), "--signers-are", "People");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(before + " -> " + after + ": 1 -> 2 signers\n"
                + "1 person added:\n"
                + "  + Maria Garcia\n");
    }

    @Test
    void twoExportsOfPeopleWithEmailsMatchAPersonWhoMovedCityByHerEmail() throws Exception {
        Path before = people("before.csv", "Maria Garcia,maria.g@example.org,Austin\nJohn Smith,js@example.org,Boise\n");
        Path after = people("after.csv", "Maria Garcia,Maria.G@example.org,Dallas\nJohn Smith,john@example.net,Boise\n");

        CliRun run = CliRun.of("diff", before.toString(), after.toString(), "--signers-are", "people");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(before + " -> " + after + ": 2 -> 2 signers\n"
                + "1 person added:\n"
                + "  + John Smith\n"
                + "1 person removed:\n"
                + "  - John Smith\n");
    }

    @Test
    void twoExportsAreOrganizationsUnlessToldOtherwise() throws Exception {
        Path before = csv("before.csv", "5/1/2022 9:00,a@example.org,Example Tenants Union,Yes\n");
        Path after = csv("after.csv", "5/1/2022 9:00,a@example.org,Example Tenants Union,Yes\n"
                + "5/2/2022 9:00,b@example.org,example tenants union,Yes\n");

        CliRun byDefault = CliRun.of("diff", before.toString(), after.toString());
        CliRun told = CliRun.of("diff", before.toString(), after.toString(), "--signers-are", "organizations");

        assertThat(byDefault.out()).isEqualTo(before + " -> " + after + ": 1 -> 1 signers\nno changes\n");
        assertThat(told.out()).isEqualTo(byDefault.out());
    }

    @Test
    void exportsWithoutAnOrganizationColumnPointToTheOptionForPeople() throws Exception {
        Path people = dir.resolve("people.csv");
        Files.writeString(people, "Full name,Email\nMaria Garcia,maria.g@example.org\n");

        CliRun run = CliRun.of("diff", people.toString(), people.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).contains(people + ":1: no column names the organization",
                "; if the rows are people, add --signers-are people");
    }

    @Test
    void anUnknownKindOfSignerIsAUsageError() throws Exception {
        Path one = csv("one.csv", "5/1/2022 9:00,a@example.org,Same Org,Yes\n");

        CliRun run = CliRun.of("diff", one.toString(), one.toString(), "--signers-are", "persons");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains("--signers-are must be organizations or people, not 'persons'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aLetterSaysWhoSignsItSoDiffLetterRefusesTheOption() throws Exception {
        Path letter = dir.resolve("letter.md");
        Files.writeString(letter, "---\nsigners: signers.csv\nsigners_are: people\n---\nHello\n");

        CliRun run = CliRun.of("diff", letter.toString(), "--signers-are", "people");

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains("--signers-are goes with 'signon diff OLD.csv NEW.csv'",
                "signers_are in its front matter");
    }

    @Test
    void letterNeverSentIsAClearError() throws Exception {
        Path letter = dir.resolve("letter.md");
        Files.writeString(letter, "---\nsigners: signers.csv\n---\nHello\n");

        CliRun run = CliRun.of("diff", letter.toString());

        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.err()).contains("letter.sent-signers.csv").contains("no record of a sent signer list");
    }

    @Test
    void identicalListsSayNoChanges() throws Exception {
        Path one = csv("one.csv", "5/1/2022 9:00,a@example.org,Same Org,Yes\n");

        CliRun run = CliRun.of("diff", one.toString(), one.toString());

        assertThat(run.out()).endsWith("no changes\n");
    }

    @Test
    void oneOldRowIsRenamedAtMostOnce() throws Exception {
        Path before = dir.resolve("b.csv");
        Files.writeString(before, "Email Address,Organization\nx@example.org,First Spelling Org\n");
        Path after = dir.resolve("a.csv");
        Files.writeString(after, "Email Address,Organization\nx@example.org,Second Spelling Org\nx@example.org,Another Example Org\n");

        CliRun run = CliRun.of("diff", before.toString(), after.toString());

        assertThat(run.out()).contains("1 organization added:\n  + Another Example Org",
                "1 organization renamed:\n  ~ First Spelling Org -> Second Spelling Org");
    }

    @Test
    void letterDiffTakesTheSignersTheLetterWasSentWith() throws Exception {
        Path sent = csv("sent.csv", "5/1/2022 9:00,a@example.org,Example Tenants Union,Yes\n");
        Path letter = dir.resolve("letter.md");
        Files.writeString(letter, "---\ntitle: No signers key\n---\nHello\n");
        SignerSnapshot.write(SignerSnapshot.pathFor(letter), SignerLoader.load(sent, SignerOptions.defaults()));
        Path now = dir.resolve("now.csv");
        Files.writeString(now, "Group,Ok?\nExample Tenants Union,yes\nLate Example Org,yes\n");

        CliRun run = CliRun.of("diff", letter.toString(), "--signers", now.toString(),
                "--column", "organization=Group", "--column", "confirmed=Ok?");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 -> 2 signers", "  + Late Example Org");
    }

    @Test
    void signersDoesNotApplyToTwoCsvFiles() throws Exception {
        Path one = csv("one.csv", "5/1/2022 9:00,a@example.org,Same Org,Yes\n");

        CliRun run = CliRun.of("diff", one.toString(), one.toString(), "--signers", one.toString());

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains("--signers goes with 'signon diff LETTER'");
    }

    @Test
    void twoExportsWithoutARecognizedOrganizationColumnAreComparedWithTheColumnTheErrorSuggests() throws Exception {
        Path before = dir.resolve("before.csv");
        Path after = dir.resolve("after.csv");
        Files.writeString(before, "Group,Ok?\nEarly Example Org,Yes\n");
        Files.writeString(after, "Group,Ok?\nEarly Example Org,Yes\nLate Example Org,Yes\nNo Example Org,No\n");

        CliRun unmapped = CliRun.of("diff", before.toString(), after.toString());
        CliRun run = CliRun.of("diff", before.toString(), after.toString(),
                "--column", "organization=Group", "--column", "confirmed=Ok?");

        assertThat(unmapped.exitCode()).isEqualTo(65);
        assertThat(unmapped.err()).contains("--column organization=");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 -> 2 signers", "1 organization added:", "  + Late Example Org")
                .doesNotContain("No Example Org");
    }

    @Test
    void threeFilesOrOneCsvAloneAreUsageErrorsThatSayWhatDiffTakes() throws Exception {
        Path a = csv("a.csv", "5/1/2022 9:00,a@example.org,Example Tenants Union,Yes\n");

        CliRun three = CliRun.of("diff", a.toString(), a.toString(), a.toString());
        CliRun one = CliRun.of("diff", a.toString());

        assertThat(three.exitCode()).isEqualTo(64);
        assertThat(three.err()).startsWith("signon: diff compares two CSVs (OLD.csv NEW.csv) or one letter with its"
                + " list as last sent, not 3 files\n");
        assertThat(one.exitCode()).isEqualTo(64);
        assertThat(one.err()).startsWith("signon: diff needs two CSVs, the older export first ('signon diff OLD.csv"
                + " NEW.csv'), or one letter ('signon diff LETTER.md')\n");
    }
}
