package org.signon.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.signon.SignonException;
import org.signon.letter.FrontMatterKey;
import org.signon.letter.Letter;
import org.signon.letter.LetterException;
import org.signon.letter.Recipient;
import org.signon.letter.RenderedLetter;
import org.signon.letter.UnknownTag;
import org.signon.letter.render.PdfFontGap;
import org.signon.letter.render.RenderProblems;
import org.signon.letter.render.RenderProblems.ImageProblem;
import org.signon.letter.template.LetterTemplate;
import org.signon.mail.MailException;
import org.signon.mail.message.LetterAddressing;
import org.signon.mail.message.MessageSubjects;
import org.signon.signers.Signer;
import org.signon.signers.SignerList;
import org.signon.signers.SignerSheet;

/**
 * What render and send would stop on in the letter itself (its addresses, its images, the
 * characters of its PDF), found by the code they run and every one of it, so that a letter
 * that passes {@code check} renders and sends. Makes the letter's Markdown, never a page or a PDF.
 */
final class LetterChecks {

    /**
     * What every contact column holds in the letter as made for a contact: a private-use
     * character, so a path built from contact data is recognizably not a file to read.
     */
    private static final String CONTACT_DATA = "\uE000";

    private LetterChecks() {
    }

    /**
     * @param tagsKnown false when the template has unknown tags: it cannot be merged, so only
     *                  what needs no merge (addresses, the logo) is checked
     */
    static List<LetterFinding> of(Campaign campaign, boolean tagsKnown) {
        Letter letter = campaign.letter();
        Set<LetterFinding> findings = new LinkedHashSet<>();
        for (MailException e : LetterAddressing.problems(letter)) {
            findings.add(LetterFinding.of(e, true));
        }
        List<Version> versions;
        if (tagsKnown) {
            versions = versions(campaign, findings);
        } else {
            // An unknown tag is an error of its own; one that needs a contact is still worth its warning.
            contactOnly(campaign, findings);
            versions = List.of(new Version(new RenderedLetter(letter, "", 0), true));
        }
        boolean attachesPdf = letter.front().attach().strip().equalsIgnoreCase("pdf");
        for (Version version : versions) {
            for (ImageProblem image : RenderProblems.images(version.letter())) {
                if (!image.written().contains(CONTACT_DATA)) {
                    findings.add(version.finding(image.error(), true));
                }
            }
            RenderedLetter shown = new RenderedLetter(letter, version.letter().markdown().replace(CONTACT_DATA, ""),
                    version.letter().signerCount(), version.letter().title().replace(CONTACT_DATA, ""));
            for (PdfFontGap found : RenderProblems.pdfFonts(shown)) {
                PdfFontGap gap = signerLine(campaign.signers(), found)
                        .map(line -> found.from(campaign.signers().report().file() + " line " + line)).orElse(found);
                findings.add(attachesPdf ? version.finding(gap.error(), true)
                        : new LetterFinding(letter.file(), 0, "pdf", false, gap.warning()));
            }
        }
        return List.copyOf(findings);
    }

    /**
     * A letter check looks into, and whether any run makes it: the letter without a contact
     * is made by none while a tag outside {@code {{#recipient}}} needs one (render, and send
     * without --contacts, stop on that tag; send --contacts never shows {@code {{^recipient}}}).
     * What only such a letter would stop on is a warning: it waits for the day the tag moves.
     */
    private record Version(RenderedLetter letter, boolean made) {

        LetterFinding finding(SignonException failure, boolean error) {
            LetterFinding finding = LetterFinding.of(failure, error);
            if (made || !error) {
                return finding;
            }
            return new LetterFinding(finding.file(), finding.line(), finding.field(), false, finding.message()
                    + " (only in the letter without a contact, which no run makes while a tag needs a contact)");
        }
    }

    /**
     * The CSV line of the first signer whose value holding the character the line shows, since
     * that row is where the name is fixed; empty when the character is the letter's own text.
     */
    private static Optional<Long> signerLine(SignerSheet sheet, PdfFontGap gap) {
        String character = Character.toString(gap.codePoint());
        return sheet.list().all().stream()
                .filter(s -> Stream.concat(Stream.of(s.organization(), s.city(), s.state(), s.country()),
                        s.columns().values().stream())
                        .anyMatch(value -> value.contains(character) && shows(gap.line(), value)))
                .map(Signer::line).findFirst();
    }

    /** Whether a line as messages quote it (cut at 80 characters, ending "...") shows the value. */
    private static boolean shows(String line, String value) {
        if (line.contains(value)) {
            return true;
        }
        if (!line.endsWith("...")) {
            return false;
        }
        String visible = line.substring(0, line.length() - 3);
        return value.contains(visible.substring(Math.max(0, visible.length() - 20)));
    }

    /**
     * The subject as send fills it in, for contacts whose columns hold nothing wrong, or nothing
     * (a {@code {{^recipient.title}}} branch): a front matter value that brings a line break into
     * it stops every send to such a contact.
     */
    private static void checkSubject(Letter letter, LetterTemplate.Signed signed, Set<LetterFinding> findings) {
        if (letter.front().subject().isBlank() && letter.front().title().isBlank()) {
            return; // Nothing to send it with, which only send can tell: it may be rendered only.
        }
        MessageSubjects subjects = new MessageSubjects(letter, signed);
        boolean filled = true;
        for (Recipient contact : signed.sampleContacts(CONTACT_DATA)) {
            try {
                subjects.forContact(contact, letter.file());
            } catch (MailException e) {
                // With empty cells, only what a front matter value brings: a subject that comes
                // out empty there is made of contact data, which only send can tell.
                if (filled || !FrontMatterKey.SUBJECT.equals(e.field())) {
                    findings.add(LetterFinding.of(e, true));
                    return;
                }
            } catch (LetterException e) {
                // A tag the sample contact has no column for: send checks it against the real file.
            }
            filled = false;
        }
        try {
            subjects.forEveryone();
        } catch (MailException e) {
            // Fine with a contact, not without one ({{#recipient}}...{{/recipient}} is all it says).
            findings.add(new LetterFinding(e.file(), e.line(), e.field(), false,
                    e.getMessage() + ": send without --contacts stops on it"));
        } catch (LetterException e) {
            // A contact-only tag: reported with the others below.
        }
    }

    /**
     * The tags that need a contact, each added as a warning: --contacts fills them in, render and
     * send without one stop on them.
     */
    private static List<UnknownTag> contactOnly(Campaign campaign, Set<LetterFinding> findings) {
        List<UnknownTag> tags = campaign.template().contactOnlyTags(campaign.signers().list());
        for (UnknownTag tag : tags) {
            findings.add(new LetterFinding(campaign.letter().file(), tag.line(), null, false,
                    "'" + tag.tag() + "' needs a contact: render, and send without --contacts, stop on it;"
                            + " put it inside {{#recipient}}...{{/recipient}}"));
        }
        return tags;
    }

    /**
     * The letter as render makes it (no contact) and as send makes it for contacts whose cells
     * hold something or nothing; a tag that needs a contact is a warning, since --contacts fills
     * it in, and what else render would stop on is still looked for.
     */
    private static List<Version> versions(Campaign campaign, Set<LetterFinding> findings) {
        LetterTemplate template = campaign.template();
        SignerList signers = campaign.signers().list();
        LetterTemplate.Signed signed;
        try {
            signed = template.withSigners(signers);
        } catch (LetterException e) {
            findings.add(LetterFinding.of(e, true));
            return List.of(new Version(new RenderedLetter(campaign.letter(), "", 0), true));
        }
        checkSubject(campaign.letter(), signed, findings);
        List<UnknownTag> contactOnly = contactOnly(campaign, findings);
        try {
            return signed.everyContactCase(CONTACT_DATA).stream()
                    .map(c -> new Version(c.letter(), c.forContact() || c.withoutContact() && contactOnly.isEmpty()))
                    .toList();
        } catch (LetterException e) {
            findings.add(LetterFinding.of(e, true));
            return List.of(new Version(new RenderedLetter(campaign.letter(), "", 0), true));
        }
    }
}
