package org.signon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** signon render, run as a user would, on real files. */
class RenderCommandTest {

    @TempDir
    Path dir;

    @Test
    void sampleCampaignRendersExactlyAsTheGoldenFile() throws Exception {
        String golden = Files.readString(Path.of("src/test/resources/golden/hart-aws.txt"), StandardCharsets.UTF_8);

        CliRun run = CliRun.of("render", "letters/hart-aws.md");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(golden);
    }

    @Test
    void sampleKeepsOnlyConsentingSignersOnceAndNoContactDetails() {
        String text = CliRun.of("render", "letters/hart-aws.md").out();

        assertThat(text).contains("36 organizations have signed");
        assertThat(text).containsOnlyOnce("The Open Borders Legal Collective");
        assertThat(text).doesNotContain("Harborview Surveillance Watch", "Test Organization");
        assertThat(text).doesNotContain("amara.okafor@example.org", "Amara Okafor", "maya.brooks@example.org", "Maya Brooks");
        assertThat(text.indexOf("National Organizations")).isLessThan(text.indexOf("State and Local Organizations"));
        assertThat(text.indexOf("State and Local Organizations")).isLessThan(text.indexOf("International Organizations"));
        assertThat(text).contains("- Example Tenants Union (Oakland, CA)", "- Éditions Liberté Numérique (France)",
                "- Q*Street Monitor", "- Fair_Code_Collective");
    }

    @Test
    void aLogoAtAWebAddressIsRefusedAsSuch() throws Exception {
        Files.writeString(dir.resolve("signers.csv"), "Organization\nExample Org\n");
        Path letter = dir.resolve("letter.md");
        Files.writeString(letter, "---\ntitle: T\nlogo: https://example.org/logo.png\nsigners: signers.csv\n---\n\nHi.\n");

        CliRun run = CliRun.of("render", letter.toString(), "-o", dir.resolve("letter.html").toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).isEqualTo("signon: " + letter
                + ":3: logo must be a file next to the letter, not https://example.org/logo.png\n");
        assertThat(CliRun.of("check", letter.toString()).out())
                .contains("letter.md:3: error: logo must be a file next to the letter, not https://example.org/logo.png");
    }

    @Test
    void writesTheFormatTheOutputExtensionNames() throws Exception {
        Path out = dir.resolve("letter.md");

        CliRun run = CliRun.of("render", "letters/hart-aws.md", "-o", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        String markdown = Files.readString(out);
        assertThat(markdown).startsWith("# Letter to Example Cloud").contains("## National Organizations")
                .contains("- Q\\*Street Monitor").doesNotContain("<!-- signers -->");
    }

    @Test
    void aPdfIsNotWrittenToStandardOutputWhenThatIsATerminalWhateverStandardInputIs() {
        // As with 'render -f pdf < /dev/null' at a terminal: no console, but the screen is stdout.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = Main.run(new Io(out, err, java.util.Map.of(), false, fd -> fd == 1),
                "render", "letters/hart-aws.md", "-f", "pdf");

        assertThat(code).isEqualTo(64);
        assertThat(out.size()).isZero();
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("signon: refusing to write a PDF to the terminal");
        assertThat(CliRun.of("render", "letters/hart-aws.md", "-f", "pdf").out()).startsWith("%PDF-");
    }

    @Test
    void dashAsTheOutputIsStandardOutputNotAFileNamedDash() {
        CliRun run = CliRun.of("render", "letters/hart-aws.md", "-o", "-", "-f", "markdown");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# Letter to Example Cloud");
        assertThat(Path.of("-")).doesNotExist();
        assertThat(CliRun.of("render", "letters/hart-aws.md", "-o", "-").out()).startsWith("Letter to Example Cloud");
    }

    @Test
    void theSameLetterRendersToTheSamePdfFileAndAnotherSignerToAnotherFile() throws Exception {
        Path first = dir.resolve("first.pdf");
        Path second = dir.resolve("second.pdf");
        Path changed = dir.resolve("changed.pdf");
        Path signers = dir.resolve("signers.csv");
        Files.writeString(signers, Files.readString(Path.of("signers/hart-aws.csv"))
                .replace("Lumen Coalition for Digital Dignity", "Lumen Coalition for Digital Dignity Now"));

        CliRun one = CliRun.of("render", "letters/hart-aws.md", "-o", first.toString());
        CliRun two = CliRun.of("render", "letters/hart-aws.md", "-o", second.toString());
        CliRun other = CliRun.of("render", "letters/hart-aws.md", "--signers", signers.toString(), "-o", changed.toString());

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(two.exitCode()).as(two.err()).isZero();
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(Files.mismatch(first, second)).as("first differing byte").isEqualTo(-1L);
        assertThat(Files.mismatch(first, changed)).isNotEqualTo(-1L);
        assertThat(documentId(changed)).isNotEqualTo(documentId(first));
        assertThat(pdfText(first)).contains("36 organizations have signed", "Lumen Coalition for Digital Dignity\n",
                "Example Tenants Union (Oakland, CA)", "Éditions Liberté Numérique (France)");
        assertThat(pdfText(changed)).contains("Lumen Coalition for Digital Dignity Now");
    }

    /** The PDF's trailer /ID, both halves, as hex. */
    private static String documentId(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            COSArray id = document.getDocument().getTrailer().getCOSArray(COSName.ID);
            return HexFormat.of().formatHex(((COSString) id.get(0)).getBytes()) + " "
                    + HexFormat.of().formatHex(((COSString) id.get(1)).getBytes());
        }
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void signersOptionOverridesTheFrontMatter() throws Exception {
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "Organization,Consent\nOnly Example Org,yes\n");

        CliRun run = CliRun.of("render", "letters/hart-aws.md", "--signers", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 organizations have signed", "- Only Example Org")
                .doesNotContain("Example Tenants Union");
    }

    @Test
    void columnOptionMapsAnUnusualHeader() throws Exception {
        Path csv = dir.resolve("odd.csv");
        Files.writeString(csv, "Group we represent,Ok to sign?\nMapped Example Org,yes\n");

        CliRun run = CliRun.of("render", "letters/hart-aws.md", "--signers", csv.toString(),
                "--column", "organization=Group we represent", "--column", "confirmed=Ok to sign?");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("- Mapped Example Org");
    }

    @Test
    void unknownFormatIsAUsageErrorAndWritesNothing() {
        Path out = dir.resolve("letter.txt");

        CliRun run = CliRun.of("render", "letters/hart-aws.md", "--format", "docx", "-o", out.toString());

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).isEqualTo("signon: unknown format 'docx': use text, markdown, html, pdf\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void outputExtensionWithoutAFormatIsAUsageError() {
        CliRun run = CliRun.of("render", "letters/hart-aws.md", "-o", dir.resolve("letter.docx").toString());

        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.err()).contains("letter.docx").contains("--format");
    }

    @Test
    void aFailedRenderLeavesNoFileAndKeepsTheOldOne() throws Exception {
        Path letter = dir.resolve("bad.md");
        Files.writeString(letter, "---\nsigners: ../nowhere.csv\n---\nHello {{nobody}}\n");
        Files.writeString(dir.resolve("signers.csv"), "Organization\nExample Org\n");
        Path out = dir.resolve("out.txt");
        Files.writeString(out, "previous good letter");

        CliRun run = CliRun.of("render", letter.toString(), "--signers", dir.resolve("signers.csv").toString(),
                "-o", out.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).startsWith("signon: " + letter + ":4: ").contains("nobody");
        assertThat(Files.readString(out)).isEqualTo("previous good letter");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bad.md", "signers.csv", "out.txt");
        }
    }

    @Test
    void recipientSectionsRenderWithoutContactsAndForEachContact() throws Exception {
        Files.writeString(dir.resolve("signers.csv"), "Organization\nExample Org\n");
        Path letter = dir.resolve("open.md");
        Files.writeString(letter, """
                ---
                from: Example Coalition <coalition@example.org>
                subject: Open letter
                signers: signers.csv
                ---
                {{#recipient}}Dear {{recipient.name}},{{/recipient}}{{^recipient}}Dear colleague,{{/recipient}}

                We write to you.
                """);
        Path contacts = dir.resolve("contacts.csv");
        Files.writeString(contacts, "name,email\nJordan Example,jordan@example.com\n");

        CliRun page = CliRun.of("render", letter.toString());
        CliRun mail = CliRun.of("send", letter.toString(), "--contacts", contacts.toString());
        CliRun check = CliRun.of("check", letter.toString());

        assertThat(page.exitCode()).as(page.err()).isZero();
        assertThat(page.out()).startsWith("Dear colleague,\n").doesNotContain("Dear ,");
        assertThat(mail.exitCode()).as(mail.err()).isZero();
        assertThat(mail.out()).contains("Dear Jordan Example,").doesNotContain("Dear colleague");
        assertThat(check.exitCode()).as(check.out()).isZero();
    }

    @Test
    void aRecipientTagOutsideARecipientSectionStillFailsWithoutAContactAndSaysHowToFixIt() throws Exception {
        Files.writeString(dir.resolve("signers.csv"), "Organization\nExample Org\n");
        Path letter = dir.resolve("bare.md");
        Files.writeString(letter, "---\nsigners: signers.csv\n---\n{{^recipient}}Hello,{{/recipient}}\n\nDear {{recipient.name}},\n");

        CliRun run = CliRun.of("render", letter.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).startsWith("signon: " + letter + ":6: unknown tag '{{recipient.name}}'")
                .contains("rendered for a contact", "{{#recipient}}...{{/recipient}}");
    }

    @Test
    void inAnInvertedRecipientSectionOtherTagsStayStrict() throws Exception {
        Files.writeString(dir.resolve("signers.csv"), "Organization\nExample Org\n");
        Path letter = dir.resolve("typo.md");
        Files.writeString(letter, "---\nsigners: signers.csv\n---\n{{^recipient}}Dear {{colleauge}},{{/recipient}}\n");

        CliRun run = CliRun.of("render", letter.toString());

        assertThat(run.exitCode()).isEqualTo(65);
        assertThat(run.err()).startsWith("signon: " + letter + ":4: unknown tag '{{colleauge}}'");
    }
}
