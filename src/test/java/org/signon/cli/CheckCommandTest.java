package org.signon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void sampleCampaignPassesWithWarnings() {
        CliRun run = CliRun.of("check", "letters/hart-aws.md");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("signers/hart-aws.csv: 40 rows read, 36 signers kept",
                "  National Organizations: 15", "  State and Local Organizations: 11",
                "  International Organizations: 10",
                "signers/hart-aws.csv:27: warning: duplicate of line 5",
                "signers/hart-aws.csv:14: warning: no consent, left out",
                "\"Contact name\", \"Comments\"",
                "ok: 0 errors, 4 warnings");
    }

    @Test
    void aSecondExportJoinedBelowTheFirstIsNotListedByItsHeaderRow() throws Exception {
        Path csv = dir.resolve("s.csv");
        String header = "Organization name,Type of organization,I confirm that my organization signs on to this letter";
        Files.writeString(csv, header + "\nExample Union,National,I confirm that my organization signs on to this letter\n"
                + header + "\nExample Tenants,National,I confirm that my organization signs on to this letter\n");
        Path letter = dir.resolve("l.md");
        Files.writeString(letter, "---\nsigners: s.csv\ngroups: [National]\n---\nHi\n");

        CliRun check = CliRun.of("check", letter.toString());
        CliRun render = CliRun.of("render", letter.toString());

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains(csv + ": 3 rows read, 2 signers kept",
                csv + ":3: warning: repeats the header row (two exports joined into one file?), left out");
        assertThat(render.exitCode()).as(render.err()).isZero();
        assertThat(render.out()).contains("- Example Tenants", "- Example Union")
                .doesNotContain("Organization name").doesNotContain("Type of organization");
    }

    @Test
    void oneRowAndOneSignerAreSingular() throws Exception {
        Path csv = dir.resolve("s.csv");
        Files.writeString(csv, "Organization\nExample Org\n");
        Path letter = dir.resolve("l.md");
        Files.writeString(letter, "---\nsigners: s.csv\n---\nHi\n");

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.out().lines().findFirst()).contains(csv + ": 1 row read, 1 signer kept");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonReportHasStableFields() throws Exception {
        CliRun run = CliRun.of("check", "letters/hart-aws.md", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = JSON.std.mapFrom(run.out());
        assertThat(json).containsEntry("ok", true).containsEntry("errors", 0).containsEntry("warnings", 4)
                .containsEntry("rows_read", 40).containsEntry("signers", 36)
                .containsEntry("signers_file", "signers/hart-aws.csv");
        assertThat((List<Object>) json.get("duplicates")).containsExactly(
                Map.of("line", 27, "first_line", 5, "organization", "open borders legal collective"));
        assertThat((List<Object>) json.get("left_out")).hasSize(3)
                .contains(Map.of("line", 14, "reason", "no_consent", "error", false));
        assertThat((List<Object>) json.get("groups")).first().isEqualTo(Map.of("name", "National Organizations", "count", 15));
        assertThat((Map<String, Object>) json.get("columns")).containsEntry("organization", "Organization name");
        assertThat((List<Object>) json.get("other_columns")).containsExactly("Contact name", "Comments");
        assertThat((List<Object>) json.get("unknown_tags")).isEmpty();
    }

    @Test
    void consentingRowWithoutOrganizationAndUnknownTagsFail() throws Exception {
        Path csv = dir.resolve("s.csv");
        Files.writeString(csv, "Organization,Consent,Comments\nExample Org,yes,\"two\nlines\"\n,yes,\nOther Org,no,\n");
        Path letter = dir.resolve("l.md");
        Files.writeString(letter, "---\nsigners: s.csv\n---\nHello {{naem}}\n\n{{#grups}}x{{/grups}}\n");

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.out()).contains(csv + ":4: error: consenting row has no organization",
                csv + ":5: warning: no consent", letter + ":4: error: unknown tag", "naem",
                letter + ":6: error: unknown tag", "grups", "failed: 3 errors, 1 warning");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonReportsErrorsToo() throws Exception {
        Path csv = dir.resolve("s.csv");
        Files.writeString(csv, "Organization,Consent\n,yes\n");
        Path letter = dir.resolve("l.md");
        Files.writeString(letter, "---\nsigners: s.csv\n---\nHi {{nope}}\n");

        CliRun run = CliRun.of("check", letter.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(65);
        Map<String, Object> json = JSON.std.mapFrom(run.out());
        assertThat(json).containsEntry("ok", false).containsEntry("errors", 2);
        assertThat((List<Object>) json.get("left_out")).containsExactly(Map.of("line", 2, "reason", "no_organization", "error", true));
        assertThat((List<Object>) json.get("unknown_tags")).hasSize(1);
    }

    @Test
    void unreadableInputIsAnErrorNotAReport() throws Exception {
        Path letter = dir.resolve("l.md");
        Files.writeString(letter, "---\nsigners: missing.csv\n---\nHi\n");

        CliRun run = CliRun.of("check", letter.toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(66);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("signon: " + dir.resolve("missing.csv"));
    }

    @Test
    void starterCampaignFromInitPassesCheck() {
        assertThat(CliRun.of("init", "fresh", "-C", dir.toString()).exitCode()).isZero();

        CliRun run = CliRun.of("check", dir.resolve("letters/fresh.md").toString());

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).contains("0 rows read, 0 signers kept");
    }

    private static String checkOnTerminal(Map<String, String> env) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = Main.run(new Io(out, new java.io.ByteArrayOutputStream(), env, true), "check", "letters/hart-aws.md");
        assertThat(code).isZero();
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void colorsOnlyOnATerminalAndNeverWithNoColor() {
        assertThat(checkOnTerminal(Map.of())).contains("\u001B[");
        assertThat(checkOnTerminal(Map.of("NO_COLOR", "1"))).doesNotContain("\u001B[");
        assertThat(checkOnTerminal(Map.of("NO_COLOR", ""))).as("set but empty counts as not set (no-color.org)")
                .contains("\u001B[");
        assertThat(checkOnTerminal(Map.of("TERM", "dumb"))).doesNotContain("\u001B[");
        assertThat(CliRun.of("check", "letters/hart-aws.md").out()).doesNotContain("\u001B[");
    }

    @Test
    @SuppressWarnings("unchecked")
    void groupsWithoutACategoryColumnAreAWarningAtTheGroupsLine() throws Exception {
        Path csv = dir.resolve("s.csv");
        Files.writeString(csv, "Organization,Consent\nExample Org,yes\n");
        Path letter = dir.resolve("l.md");
        Files.writeString(letter, "---\nsigners: s.csv\ngroups:\n  - National Organizations\n---\nHi\n");

        CliRun run = CliRun.of("check", letter.toString());
        CliRun json = CliRun.of("check", letter.toString(), "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(letter + ":4: warning: groups are listed but the signers have no category column",
                "ok: 0 errors, 1 warning");
        assertThat((List<Object>) JSON.std.mapFrom(json.out()).get("letter_warnings")).hasSize(1);
    }

    private Path campaign(String csvText, String frontMatter) throws Exception {
        Files.writeString(dir.resolve("s.csv"), csvText);
        Path letter = dir.resolve("l.md");
        Files.writeString(letter, "---\nsigners: s.csv\n" + frontMatter + "---\nHi\n");
        return letter;
    }

    private static final String CONSENT_TRAPS = """
            Organization,Consent
            Alpha Network,Yes
            Beta Project,None
            Gamma Fund,Maybe
            Delta Center,Board to confirm
            Epsilon Union,Need board approval
            Zeta Alliance,Board to confirm
            Eta Group,yes
            """;

    @Test
    void unclearAndUnusualConsentAreWarnedWithTheirAnswer() throws Exception {
        Path letter = campaign(CONSENT_TRAPS, "");
        Path csv = dir.resolve("s.csv");

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(csv + ": 7 rows read, 4 signers kept",
                csv + ":3: warning: no consent, left out",
                csv + ":4: warning: consent 'Maybe' is not a clear yes, left out",
                csv + ":5: warning: consent 'Board to confirm' counted as yes (2 rows); if it is not, change those cells",
                csv + ":6: warning: consent 'Need board approval' is not a clear yes, left out",
                "ok: 0 errors, 4 warnings");
        assertThat(run.out()).containsOnlyOnce("Board to confirm");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonGivesUnclearAndUnusualConsentStableFields() throws Exception {
        CliRun run = CliRun.of("check", campaign(CONSENT_TRAPS, "").toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = JSON.std.mapFrom(run.out());
        assertThat(json).containsEntry("warnings", 4).containsEntry("signers", 4);
        assertThat((List<Object>) json.get("left_out")).containsExactly(
                Map.of("line", 3, "reason", "no_consent", "error", false),
                Map.of("line", 4, "reason", "unclear_consent", "error", false, "consent", "Maybe"),
                Map.of("line", 6, "reason", "unclear_consent", "error", false, "consent", "Need board approval"));
        assertThat((List<Object>) json.get("unusual_consent")).containsExactly(
                Map.of("line", 5, "consent", "Board to confirm", "rows", 2));
        assertThat((List<Object>) json.get("unlisted_categories")).isEmpty();
        assertThat((List<Object>) json.get("signer_warnings")).isEmpty();
    }

    @Test
    void googleFormsCheckboxLabelIsConsentWithoutWarning() throws Exception {
        String label = "I confirm that my organization signs on to this letter";
        Path letter = campaign(label + ",Organization name\n" + label + ",Alpha Network\n,Beta Project\n"
                + label + ",Gamma Fund\n" + label + ",Delta Center\n", "");

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.out()).contains("4 rows read, 3 signers kept", "ok: 0 errors, 1 warning")
                .doesNotContain("counted as yes");
    }

    @Test
    @SuppressWarnings("unchecked")
    void categoriesMissingFromGroupsAreWarnedWithCountAndFirstLine() throws Exception {
        Path letter = campaign("""
                Organization,Type
                Alpha Network,National Organizations
                Beta Project,Natl
                Gamma Fund,Natl
                Delta Center,Intl
                """, "groups: [National Organizations, International Organizations]\n");
        Path csv = dir.resolve("s.csv");

        CliRun run = CliRun.of("check", letter.toString());
        CliRun json = CliRun.of("check", letter.toString(), "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(
                csv + ":3: warning: category 'Natl' is not in the letter's groups, so its 2 signers get a heading of their own",
                csv + ":5: warning: category 'Intl' is not in the letter's groups, so its 1 signer gets a heading of its own;",
                "ok: 0 errors, 2 warnings");
        assertThat((List<Object>) JSON.std.mapFrom(json.out()).get("unlisted_categories")).containsExactly(
                Map.of("line", 3, "category", "Natl", "signers", 2),
                Map.of("line", 5, "category", "Intl", "signers", 1));
    }

    @Test
    void withoutGroupsCategoriesAreNotWarned() throws Exception {
        CliRun run = CliRun.of("check", campaign("Organization,Type\nAlpha Network,Natl\n", "").toString());

        assertThat(run.out()).contains("ok: 0 errors, 0 warnings");
    }

    @Test
    @SuppressWarnings("unchecked")
    void noSignerKeptIsAWarningAtTheHeader() throws Exception {
        Path csv = dir.resolve("s.csv");
        Path headerOnly = campaign("\nOrganization,Consent\n", "");

        CliRun empty = CliRun.of("check", headerOnly.toString());

        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).contains(csv + ":2: warning: no signers kept: the file has a header row but no data rows",
                "ok: 0 errors, 1 warning");

        Path allLeftOut = campaign("Organization,Consent\nAlpha Network,no\nBeta Project,Pending\n", "");
        CliRun none = CliRun.of("check", allLeftOut.toString());
        CliRun json = CliRun.of("check", allLeftOut.toString(), "--json");

        assertThat(none.out()).contains(csv + ":1: warning: no signers kept: all 2 rows were left out",
                "ok: 0 errors, 3 warnings");
        assertThat((List<Object>) JSON.std.mapFrom(json.out()).get("signer_warnings")).containsExactly(
                Map.of("line", 1, "message", "no signers kept: all 2 rows were left out"));
    }

    /** A small real PNG file. */
    private static void png(Path file) throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", file.toFile());
    }

    private Path letter(String frontMatter, String body) throws Exception {
        Files.writeString(dir.resolve("s.csv"), "Organization,Country\nExample Org,France\n");
        Path letter = dir.resolve("l.md");
        Files.writeString(letter, "---\nsigners: s.csv\n" + frontMatter + "---\n" + body);
        return letter;
    }

    @Test
    void aMissingImageIsNamedAtTheLineThatShowsItNotAnEarlierLinkToTheSameFile() throws Exception {
        Path letter = letter("", "The [data](chart.png) are below.\n\n![Chart](chart.png)\n");

        CliRun check = CliRun.of("check", letter.toString());
        CliRun render = CliRun.of("render", letter.toString(), "-f", "html");

        assertThat(check.out()).contains(letter + ":6: error: image not found: " + dir.resolve("chart.png"));
        assertThat(render.err()).startsWith("signon: " + letter + ":6: image not found");
    }

    @Test
    void aBadAddressInAListIsNamedAtItsOwnLineByCheckAndSend() throws Exception {
        Path letter = letter("subject: S\nfrom: Coalition <coalition@example.org>\nto:\n"
                + "  - Jordan Example <jordan@example.com>\n  - not an address\n", "Hi\n");

        CliRun check = CliRun.of("check", letter.toString());
        CliRun send = CliRun.of("send", letter.toString());

        assertThat(check.out()).contains(letter + ":7: error: to: invalid address 'not an address'");
        assertThat(send.exitCode()).isEqualTo(65);
        assertThat(send.err()).startsWith("signon: " + letter + ":7: ");
    }

    @Test
    void theLettersFindingsPrintInLineOrderWhicheverCheckFoundThem() throws Exception {
        Path letter = letter("to: not an address\n", "Hello\n\n{{nope}}\n");

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.out()).containsSubsequence(letter + ":3: error: ", letter + ":7: error: unknown tag '{{nope}}'");
    }

    @Test
    void anImageSavedUnderAnotherKindsExtensionSaysWhatToRenameItTo() throws Exception {
        png(dir.resolve("letterhead.png"));
        Files.write(dir.resolve("photo.png"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16});
        Path letter = letter("logo: letterhead.png\n", """
                Hello.

                ![photo](photo.png)
                """);

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.out()).contains(letter + ":7: error: image is not a PNG image: " + dir.resolve("photo.png")
                + " (it holds a JPEG image: rename it to .jpg)");
    }

    @Test
    void anSvgSavedAsAPngSaysWhatToRenameItToToo() throws Exception {
        Files.writeString(dir.resolve("letterhead.png"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>
                """);
        Path letter = letter("logo: letterhead.png\n", "Hello.\n");

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.out()).contains("error: logo is not a PNG image: " + dir.resolve("letterhead.png")
                + " (it holds an SVG image: rename it to .svg)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyImageRenderWouldFailOnIsAnErrorWithTheMessageRenderGives() throws Exception {
        png(dir.resolve("chart.png"));
        Files.writeString(dir.resolve("fake.png"), "not an image");
        Path letter = letter("logo: letterhead.png\n", """
                Hello.

                ![chart](chart.png) ![fake](fake.png)

                ![missing](missing.png) and ![web](https://example.org/x.png)
                """);

        CliRun run = CliRun.of("check", letter.toString());
        CliRun render = CliRun.of("render", "-f", "html", letter.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.out()).contains(
                letter + ":3: error: logo not found: " + dir.resolve("letterhead.png"),
                letter + ":7: error: image is not a PNG image: " + dir.resolve("fake.png"),
                letter + ":9: error: image not found: " + dir.resolve("missing.png"),
                letter + ":9: error: image must be a file next to the letter, not https://example.org/x.png",
                "failed: 4 errors, 0 warnings").doesNotContain("chart.png");
        assertThat(render.exitCode()).isEqualTo(66);
        assertThat(render.err()).isEqualTo("signon: " + letter + ":3: logo not found: " + dir.resolve("letterhead.png") + "\n");
        png(dir.resolve("letterhead.png"));
        assertThat(CliRun.of("render", "-f", "html", letter.toString()).err())
                .as("a body image names its line in render too")
                .isEqualTo("signon: " + letter + ":7: image is not a PNG image: " + dir.resolve("fake.png") + "\n");
        Map<String, Object> json = JSON.std.mapFrom(CliRun.of("check", letter.toString(), "--json").out());
        assertThat((List<Object>) json.get("letter_errors")).contains(Map.of("line", 9, "field", "image",
                "message", "image not found: " + dir.resolve("missing.png")));
    }

    @Test
    void aLetterWhoseImagesAreAllThereHasNoImageError() throws Exception {
        png(dir.resolve("logo.png"));
        png(dir.resolve("chart 1.png"));
        Path letter = letter("logo: logo.png\n", "![chart](<chart 1.png>) and again ![](chart%201.png)\n");

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("ok: 0 errors, 0 warnings");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAddressSendWouldRefuseIsAnErrorAtItsLine() throws Exception {
        Path letter = letter("""
                from: not an address
                to: jordan@example.com, sam@example.com
                cc:
                  - Partner Network <partners@example.org>
                  - "Bad <bad@@example.org>"
                bcc: partners@example.org
                reply_to: "Coalition\\nBcc: victim@example.net <coalition@example.org>"
                """, "Hello.\n");

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.out()).contains(
                letter + ":3: error: from: invalid address 'not an address'",
                letter + ":4: error: to: invalid address 'jordan@example.com, sam@example.com'",
                letter + ":7: error: cc: invalid address 'Bad <bad@@example.org>'",
                letter + ":8: error: bcc: partners@example.org is already a recipient (" + letter + ":6 cc)",
                letter + ":9: error: reply_to: address 'CoalitionU+000ABcc: victim@example.net <coalition@example.org>' contains a control character",
                "failed: 5 errors");
        Map<String, Object> json = JSON.std.mapFrom(CliRun.of("check", letter.toString(), "--json").out());
        assertThat((List<Map<String, Object>>) json.get("letter_errors")).extracting(e -> e.get("field"))
                .containsExactly("from", "to", "cc", "bcc", "reply_to");
    }

    @Test
    void aLetterWithoutToOrFromIsFineForCheck() throws Exception {
        Path letter = letter("cc: Partner Network <partners@example.org>\n", "Hello.\n");

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void namesThePdfCannotDrawAreErrorsWhenThePdfIsAttachedAndWarningsOtherwise() throws Exception {
        Files.writeString(dir.resolve("s.csv"), "Organization,Country\nExample Org,France\n日本人権団体,Japan\n"
                + "Ελληνική Ένωση,Greece\n北京数字权利中心,China\n");
        Path attached = dir.resolve("attached.md");
        Files.writeString(attached, "---\nsigners: s.csv\nattach: pdf\n---\nHello.\n");
        Path plain = dir.resolve("plain.md");
        Files.writeString(plain, "---\nsigners: s.csv\n---\nHello, 日本.\n");
        Path csv = dir.resolve("s.csv");

        CliRun errors = CliRun.of("check", attached.toString());
        CliRun warnings = CliRun.of("check", plain.toString());
        CliRun json = CliRun.of("check", plain.toString(), "--json");

        assertThat(errors.exitCode()).isEqualTo(65);
        assertThat(errors.out()).contains(
                attached + ": error: pdf: the PDF fonts cannot draw '日' (U+65E5) in \"- 日本人権団体 (Japan)\" (" + csv + " line 3);",
                attached + ": error: pdf: the PDF fonts cannot draw '北' (U+5317) in \"- 北京数字权利中心 (China)\" (" + csv + " line 5);",
                "failed: 2 errors, 0 warnings").doesNotContain("Ελληνική");
        assertThat(warnings.exitCode()).isZero();
        assertThat(warnings.out()).contains(
                plain + ": warning: the PDF would not show '日' (U+65E5) in \"Hello, 日本.\" (HTML, text and email do)",
                plain + ": warning: the PDF would not show '日' (U+65E5) in \"- 日本人権団体 (Japan)\" (" + csv
                        + " line 3) (HTML, text and email do)",
                "ok: 0 errors, 3 warnings");
        assertThat((List<Object>) JSON.std.mapFrom(json.out()).get("letter_warnings")).hasSize(3);
    }

    @Test
    void aNameThePdfCannotDrawIsTracedToItsRowEvenWhenTheQuotedLineIsCut() throws Exception {
        String name = "東京 Coalition for the Protection of Digital Rights and Civil Liberties in the Information Age";
        Files.writeString(dir.resolve("s.csv"), "Organization\nExample Org\n\"" + name + "\"\n");
        Path letter = dir.resolve("l.md");
        Files.writeString(letter, "---\nsigners: s.csv\n---\nHello.\n");

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.out()).contains("the PDF would not show '東' (U+6771) in \"- " + name.substring(0, 75) + "...\" ("
                + dir.resolve("s.csv") + " line 3)");
    }

    @Test
    void aRecipientTagOutsideARecipientSectionIsAWarningNamingTheFix() throws Exception {
        Path letter = letter("", "{{#recipient}}Dear {{recipient.name}},{{/recipient}}\n\nRegards, {{recipient.title}}\n");

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains(letter + ":6: warning: '{{recipient.title}}' needs a contact",
                "put it inside {{#recipient}}...{{/recipient}}", "ok: 0 errors, 1 warning")
                .doesNotContain("'{{recipient.name}}'");
    }

    @Test
    void aTagThatNeedsAContactIsWarnedAboutBesideAnUnknownTag() throws Exception {
        Path letter = letter("", "Dear {{recipient.name}},\n\n{{campaing}}\n");

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.out()).contains(letter + ":4: warning: '{{recipient.name}}' needs a contact",
                letter + ":6: error: unknown tag '{{campaing}}'", "failed: 1 error, 1 warning");
    }

    @Test
    void anImageOrNameThatComesOnlyForAContactIsCheckedToo() throws Exception {
        Path letter = letter("attach: pdf\n", "{{#recipient}}![seal](seal.png) Dear {{recipient.name}}{{/recipient}}\n"
                + "{{#recipient}}![badge](badge-{{recipient.region}}.png){{/recipient}}\n");

        CliRun run = CliRun.of("check", letter.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.out()).contains(letter + ":5: error: image not found: " + dir.resolve("seal.png"),
                "failed: 1 error, 0 warnings").doesNotContain("badge");
    }
}
