package org.signon.mail.message;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.signon.letter.Letter;
import org.signon.letter.render.EmailHtml;
import org.signon.letter.render.InlineImage;
import org.signon.letter.render.LetterPdf;
import org.signon.letter.render.LetterRenderer;
import org.signon.letter.template.LetterTemplate;
import org.signon.letter.Recipient;
import org.signon.letter.RenderedLetter;
import org.signon.mail.MailException;
import org.signon.mail.Origin;
import org.signon.signers.SignerList;

/**
 * Turns a letter into messages: one to everyone in {@code to}, or one personalized message per
 * contact. Every envelope is validated before the first letter is rendered, so that a bad
 * address on the last row stops the run before anything is written or sent. The body is the
 * letter as plain text with the same letter as HTML for clients that show it
 * (multipart/alternative), its letterhead and images as parts of the message that the HTML
 * shows by {@code cid:}; front matter {@code attach: pdf} or {@code --attach-pdf} adds it as
 * a PDF.
 */
public final class MessageComposer {

    private final Letter letter;
    private final LetterTemplate.Signed template;
    /** Every message carries the same signer list: the batch renderer makes its text and HTML once. */
    private final LetterRenderer renderer = LetterRenderer.forBatch();
    /** Letterhead and body images in wire form, by Content-ID, file name and type: encoded once per batch. */
    private final Map<String, InlinePart> inlineParts = new ConcurrentHashMap<>();
    private final LetterAddressing addressing;
    private final MessageSubjects subjects;
    private final MessageIds ids;
    private final boolean attachPdf;

    /** @param attachPdf attach the PDF even without {@code attach: pdf} in the front matter */
    public MessageComposer(Letter letter, LetterTemplate template, SignerList signers, LetterAddressing addressing,
            MessageIds ids, boolean attachPdf) {
        this.letter = letter;
        // The signer list is the same in every message: format it once for the whole batch.
        this.template = template.withSigners(signers);
        this.addressing = addressing;
        this.subjects = new MessageSubjects(letter, this.template);
        this.ids = ids;
        checkAttach();
        this.attachPdf = attachPdf || attachPdfInFrontMatter();
    }

    /**
     * The one message to everyone in {@code to} (none when {@code limit} is 0), addressed but
     * not yet rendered.
     *
     * @throws MailException DATA when there are no recipients, an address is repeated, or the
     *                       filled-in subject is not one plain line
     * @throws org.signon.letter.LetterException DATA for a tag of the subject unknown without a contact
     */
    public MessageBatch singleBatch(int limit) {
        Envelope envelope = addressing.single(subjects.forEveryone());
        Origin origin = new Origin(letter.file(), letter.front().lineOf("to"), "to");
        List<MessageBatch.Draft> drafts = limit < 1 ? List.of()
                : List.of(new MessageBatch.Draft(envelope, Optional.empty(), origin));
        return new MessageBatch(drafts, this::message, ids);
    }

    /**
     * One message per contact, in file order, the first {@code limit} of them, addressed but
     * not yet rendered: every contact's envelope, subject included, is validated, also beyond
     * {@code limit}.
     *
     * @throws MailException DATA naming the contacts file and line of the first bad value
     * @throws org.signon.letter.LetterException DATA for a tag the contacts file has no column for
     */
    public MessageBatch personalBatch(Path contactsFile, List<Recipient> contacts, int limit) {
        List<MessageBatch.Draft> drafts = new ArrayList<>(contacts.size());
        for (Recipient contact : contacts) {
            Envelope envelope = addressing.personal(contact, contactsFile, subjects.forContact(contact, contactsFile));
            drafts.add(new MessageBatch.Draft(envelope, Optional.of(contact),
                    new Origin(contactsFile, contact.line(), "email")));
        }
        return new MessageBatch(drafts.subList(0, Math.min(limit, drafts.size())), this::message, ids);
    }

    private OutgoingMessage message(int position, MessageBatch.Draft draft, String messageId) {
        RenderedLetter rendered = calledBySubject(template.render(draft.recipient()), draft.envelope().subject());
        String text = renderer.text(rendered);
        EmailHtml html = renderer.emailHtml(rendered);
        List<InlinePart> images = html.images().stream().map(this::inlinePart).toList();
        List<Attachment> attachments = attachPdf
                ? List.of(pdfAttachment(renderer.pdf(rendered), rendered.titleOrName()))
                : List.of();
        return OutgoingMessage.of(position, draft.envelope(),
                new MessageContent(text, Optional.of(html.html()), images, attachments), messageId, draft.origin());
    }

    /**
     * A letter without a title is called by its subject in the email (the HTML part's title,
     * the PDF and its name), not by its file name: what recipients get, and so its journal
     * hash, must not change when the letter file is renamed.
     */
    private static RenderedLetter calledBySubject(RenderedLetter rendered, String subject) {
        return rendered.title().isBlank()
                ? new RenderedLetter(rendered.letter(), rendered.markdown(), rendered.signerCount(), subject)
                : rendered;
    }

    /**
     * The letter as PDF, known by what it is made from, as the journals of earlier versions
     * (whose PDFs differed on every run) counted it.
     */
    private Attachment pdfAttachment(LetterPdf pdf, String title) {
        return new Attachment(pdfName(title), "application/pdf", pdf.bytes(), pdf.sourceSha256());
    }

    /** The image's part, encoded for the first message that shows it and shared by the rest. */
    private InlinePart inlinePart(InlineImage image) {
        return inlineParts.computeIfAbsent(image.contentId() + '\u0000' + image.fileName() + '\u0000' + image.mediaType(),
                key -> InlinePart.of(image, new Origin(letter.file(), 0, "image")));
    }

    private boolean attachPdfInFrontMatter() {
        return letter.front().attach().strip().equalsIgnoreCase("pdf");
    }

    private void checkAttach() {
        String attach = letter.front().attach().strip();
        if (!attach.isEmpty() && !attachPdfInFrontMatter()) {
            throw MailException.data(new Origin(letter.file(), letter.front().lineOf("attach"), "attach"),
                    "attach: '" + attach + "' is not supported; the only value is 'pdf'");
        }
    }

    /**
     * The attachment is named after the letter's filled-in title, or its file: "Letter to Example Cloud"
     * becomes {@code Letter-to-Example-Cloud.pdf}. Hyphens, not spaces, because names with
     * spaces get cut or quoted badly by some mail clients and file systems.
     */
    private static String pdfName(String title) {
        String safe = title.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]+", " ").strip().replaceAll("\\s+", "-");
        if (safe.length() > 80) {
            safe = safe.substring(0, 80).replaceAll("-+$", "");
        }
        return (safe.isEmpty() ? "letter" : safe) + ".pdf";
    }
}
