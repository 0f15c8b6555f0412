package org.signon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An open letter signed by people: {@code signers_are: people} in the front matter. */
class PeopleSignersTest {

    private static final String SIGNERS = """
            Name,Affiliation,City,State,Email
            Maria Garcia,Example University,Austin,TX,maria.garcia@example.org
            David Kim,,Seattle,WA,dkim@example.net
            Maria Garcia,,Fresno,CA,mgarcia@example.com
            David Kim,,Seattle,WA, DKim@Example.NET\s
            """;

    @TempDir
    Path dir;

    Path csv;

    @BeforeEach
    void signers() throws Exception {
        csv = dir.resolve("people.csv");
        Files.writeString(csv, SIGNERS);
    }

    private Path letter(String frontMatter) throws Exception {
        Path letter = dir.resolve("letter.md");
        Files.writeString(letter, "---\nsigners: people.csv\n" + frontMatter
                + "signer_line: \"{{organization}}{{#Affiliation}}, {{Affiliation}}{{/Affiliation}}\"\n---\n"
                + "{{signer_count}} people have signed.\n");
        return letter;
    }

    @Test
    void renderListsTwoPeopleOfOneNameAndOneOfASharedEmail() throws Exception {
        CliRun run = CliRun.of("render", letter("signers_are: people\n").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 people have signed.",
                "- David Kim\n- Maria Garcia, Example University\n- Maria Garcia\n");
        assertThat(run.out()).doesNotContain("@example");
    }

    @Test
    void organizationsRemainTheDefaultAndRepeatByName() throws Exception {
        CliRun run = CliRun.of("render", letter("").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 people have signed.", "- David Kim\n- Maria Garcia, Example University\n");

        CliRun json = CliRun.of("check", letter("").toString(), "--json");
        assertThat(JSON.std.mapFrom(json.out())).doesNotContainKey("shared_names").containsEntry("warnings", 2);
    }

    @Test
    void checkNamesEveryLineOfPeopleWhoShareAName() throws Exception {
        CliRun run = CliRun.of("check", letter("signers_are: people\n").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(csv + ": 4 rows read, 3 signers kept",
                "  column organization: \"Name\"",
                csv + ":2: warning: 2 signers named 'Maria Garcia' are listed as different people (lines 2, 4): "
                        + "different emails; if they are one person, remove the extra rows",
                csv + ":5: warning: duplicate of line 3, left out: David Kim",
                "ok: 0 errors, 2 warnings");
    }

    @Test
    void aSecondNameSignedWithTheSameEmailIsLeftOutNamingTheNameThatStays() throws Exception {
        Path shared = dir.resolve("shared.csv");
        Files.writeString(shared, "Name,Email\nJane Smith,smiths@example.org\nJohn Smith,SMITHS@example.org\n");
        Path letter = dir.resolve("shared.md");
        Files.writeString(letter, "---\nsigners: shared.csv\nsigners_are: people\n---\nHello.\n");

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.out()).contains(shared + ":3: warning: duplicate of line 2 (the same email, listed as 'Jane Smith'),"
                + " left out: John Smith");
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkJsonSaysWhichNameStaysListedForASecondNameWithTheSameEmail() throws Exception {
        Path shared = dir.resolve("shared.csv");
        Files.writeString(shared, "Name,Email\nJane Smith,smiths@example.org\nJohn Smith,SMITHS@example.org\n"
                + "Jane Smith,smiths@example.org\n");
        Path letter = dir.resolve("shared.md");
        Files.writeString(letter, "---\nsigners: shared.csv\nsigners_are: people\n---\nHello.\n");

        CliRun run = CliRun.of("check", letter.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat((List<Object>) JSON.std.mapFrom(run.out()).get("duplicates")).containsExactly(
                Map.of("line", 3, "first_line", 2, "organization", "John Smith", "listed_as", "Jane Smith"),
                Map.of("line", 4, "first_line", 2, "organization", "Jane Smith"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void checkJsonHasTheSharedNames() throws Exception {
        CliRun run = CliRun.of("check", letter("signers_are: people\n").toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = JSON.std.mapFrom(run.out());
        assertThat(json).containsEntry("warnings", 2).containsEntry("signers", 3);
        assertThat((List<Object>) json.get("shared_names")).containsExactly(Map.of(
                "line", 2, "name", "Maria Garcia", "lines", List.of(2, 4), "basis", "different_emails"));
        assertThat((List<Object>) json.get("duplicates")).containsExactly(
                Map.of("line", 5, "first_line", 3, "organization", "David Kim"));
    }

    @Test
    void aConsentingRowWithoutANameIsCalledARowWithoutAName() throws Exception {
        Files.writeString(csv, "Name,City,Email,Consent\nMaria Garcia,Austin,maria@example.org,Yes\n"
                + ",Fresno,nameless@example.org,Yes\n");
        Path letter = dir.resolve("nameless.md");
        Files.writeString(letter, "---\ntitle: Open letter\nsigners: people.csv\nsigners_are: people\n"
                + "to: Ms. Example <ceo@example.com>\nfrom: Organizer <organizer@example.org>\n---\nHello.\n");

        CliRun check = CliRun.of("check", letter.toString());
        CliRun send = CliRun.of("send", letter.toString());

        assertThat(check.exitCode()).isEqualTo(65);
        assertThat(check.out()).contains(csv + ":3: error: consenting row has no name: add the name or remove the row");
        assertThat(send.exitCode()).as(send.err()).isZero();
        assertThat(send.err()).contains(csv + ":3: a row that signs on has no name; run 'signon check " + letter
                + "' and fix the signers before sending");
        assertThat(check.out() + send.out() + send.err()).doesNotContain("no organization", "organization name");
    }

    @Test
    void anEmptyFileOfPeopleAsksForANameHeader() throws Exception {
        Files.writeString(csv, "");

        CliRun run = CliRun.of("render", letter("signers_are: people\n").toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).contains("the file is empty: expected a header row such as Name,City,State");
    }

    @Test
    void anUnknownKindOfSignerIsAnErrorAtItsLine() throws Exception {
        Path letter = letter("signers_are: persons\n");

        CliRun run = CliRun.of("render", letter.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).contains(letter + ":3: 'signers_are' must be organizations or people, not 'persons'");
    }
}
