package org.signon.mail.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.letter.render.InlineImage;
import org.signon.mail.MailException;
import org.signon.mail.MailFixtures;
import org.signon.mail.Origin;

class MimeMessagesTest {

    @TempDir
    Path dir;

    private final Session session = MimeMessages.offlineSession();

    private static Envelope envelope() {
        return new Envelope(MailFixtures.address(MailFixtures.FROM),
                List.of(MailFixtures.address("Jane Doe <jane.doe@example.com>")), List.of(),
                List.of(MailFixtures.address("archive@example.org")), List.of(), "Lettre ouverte — été");
    }

    private MimeMessage reparse(byte[] eml) throws Exception {
        return new MimeMessage(session, new ByteArrayInputStream(eml));
    }

    @Test
    void anEmlFileHoldsTheWholeMessageAndOpensAgain() throws Exception {
        OutgoingMessage message = MailFixtures.message(7, envelope(), "Dear Jane,\n\nÀ bientôt.\n");
        Path file;
        try (EmlFiles files = EmlFiles.open(dir.resolve("preview"), 12)) {
            file = files.writeAll(List.of(message), session, MimeMessages.dateHeader(new Date())).get(0);
            files.publish();
        }

        assertThat(file.getFileName().toString()).isEqualTo("007-jane-doe-example-com.eml");
        MimeMessage copy = reparse(Files.readAllBytes(file));
        assertThat(copy.getSubject()).isEqualTo("Lettre ouverte — été");
        assertThat(copy.getMessageID()).isEqualTo(message.messageId());
        assertThat(copy.getRecipients(RecipientType.BCC)).as("the sender's copy shows Bcc").hasSize(1);
        assertThat(((String) copy.getContent()).replace("\r\n", "\n")).isEqualTo("Dear Jane,\n\nÀ bientôt.\n");
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII)).doesNotContain("été");
    }

    @Test
    void numbersArePaddedToTheBatchSize() {
        OutgoingMessage message = MailFixtures.message(42, envelope(), "text");
        assertThat(new EmlFiles(null, null, 10_000).fileName(message)).isEqualTo("00042-jane-doe-example-com.eml");
    }

    @Test
    void htmlBecomesAnAlternativeAndAttachmentsAreMixedIn() throws Exception {
        MessageContent content = new MessageContent("Dear Jane,", Optional.of("<p>Dear Jane,</p>"),
                List.of(new Attachment("Offener Brief.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'})));
        OutgoingMessage message = OutgoingMessage.of(1, envelope(), content, "<id.signon@example.org>", MailFixtures.TEST);

        MimeMessage copy = reparse(MimeMessages.toBytes(MimeMessages.build(message, session, new Date())));

        MimeMultipart mixed = (MimeMultipart) copy.getContent();
        assertThat(copy.getContentType()).startsWith("multipart/mixed");
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        Part pdf = mixed.getBodyPart(1);
        assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(pdf.getFileName()).isEqualTo("Offener Brief.pdf");
        assertThat(pdf.getInputStream().readAllBytes()).containsExactly('%', 'P', 'D', 'F');
    }

    private static OutgoingMessage withParts(String text, String html) {
        return OutgoingMessage.of(1, envelope(), new MessageContent(text, Optional.of(html), List.of()),
                "<id.signon@example.org>", MailFixtures.TEST);
    }

    /** The text and HTML alternatives as a recipient's client decodes them. */
    private List<String> decodedParts(MimeMessage copy) throws Exception {
        MimeMultipart alternative = (MimeMultipart) copy.getContent();
        return List.of((String) alternative.getBodyPart(0).getContent(), (String) alternative.getBodyPart(1).getContent());
    }

    @Test
    void nonAsciiTextAndHtmlPartsComeBackExactly() throws Exception {
        String text = "Sehr geehrte Frau Müller,\n\nÑandú — «Öffentlich» 中文 🙂 = 100%\ttab \n";
        String html = "<!DOCTYPE html>\n<p lang=\"ru\">Уважаемый депутат, мы пишем вам от имени коалиции.</p>\n";

        MimeMessage copy = reparse(MimeMessages.toBytes(MimeMessages.build(withParts(text, html), session, new Date())));

        assertThat(copy.getContentType()).startsWith("multipart/alternative");
        assertThat(decodedParts(copy)).containsExactly(text.replace("\n", "\r\n"), html.replace("\n", "\r\n"));
        MimeMultipart alternative = (MimeMultipart) copy.getContent();
        assertThat(alternative.getBodyPart(0).getContentType()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(alternative.getBodyPart(1).getContentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(alternative.getBodyPart(1).getHeader("Content-Transfer-Encoding"))
                .as("mostly Cyrillic goes as base64, as Jakarta Mail would send it").containsExactly("base64");
    }

    @Test
    void longLinesAreWrappedOnTheWireAndComeBackWhole() throws Exception {
        String text = "Dear Jane,\n\n" + "a long paragraph without any line break ".repeat(40) + "\n";
        String html = "<p>" + "word ".repeat(300) + "</p>\n<style>" + "x".repeat(1200) + "</style>\n";

        byte[] eml = MimeMessages.toBytes(MimeMessages.build(withParts(text, html), session, new Date()));

        assertThat(new String(eml, StandardCharsets.US_ASCII).split("\r\n"))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
        assertThat(decodedParts(reparse(eml))).containsExactly(text.replace("\n", "\r\n"), html.replace("\n", "\r\n"));
    }

    /** What Jakarta Mail writes for a text part it encodes itself, as signon built messages before. */
    private static byte[] jakartaEncoded(String text, String subtype) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, "UTF-8", subtype);
        MimeMessage mime = new MimeMessage(MimeMessages.offlineSession());
        mime.setContent(new MimeMultipart(part));
        mime.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void partsAreByteForByteWhatJakartaMailWouldEncode() throws Exception {
        String text = "Sehr geehrte Frau Müller,\n\n" + "bitte stimmen Sie gegen das Gesetz = Überwachung. ".repeat(5) + "\n";
        String html = "<p>Sehr geehrte Frau Müller,</p>\n<p style=\"margin: 0\">" + "Élan ".repeat(30) + "</p>\n";

        MimeMessage copy = reparse(MimeMessages.toBytes(MimeMessages.build(withParts(text, html), session, new Date())));

        MimeMultipart alternative = (MimeMultipart) copy.getContent();
        for (int i = 0; i < 2; i++) {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            alternative.getBodyPart(i).writeTo(written);
            assertThat(written.toString(StandardCharsets.US_ASCII)).isEqualTo(
                    new String(jakartaEncoded(i == 0 ? text : html, i == 0 ? "plain" : "html"), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void theContentHashIgnoresDateAndMessageIdButNothingRecipientsSee() {
        OutgoingMessage first = MailFixtures.message(1, envelope(), "Dear Jane,\n");
        OutgoingMessage again = MailFixtures.message(1, envelope(), "Dear Jane,\r\n");

        assertThat(again.messageId()).isNotEqualTo(first.messageId());
        assertThat(again.contentHash()).isEqualTo(first.contentHash());
        assertThat(MailFixtures.message(1, envelope(), "Dear Jane!\n").contentHash()).isNotEqualTo(first.contentHash());
        Envelope otherBcc = new Envelope(envelope().from(), envelope().to(), List.of(), List.of(), List.of(), envelope().subject());
        assertThat(MailFixtures.message(1, otherBcc, "Dear Jane,\n").contentHash()).isNotEqualTo(first.contentHash());
        Envelope otherSubject = new Envelope(envelope().from(), envelope().to(), List.of(), envelope().bcc(), List.of(), "Other");
        assertThat(MailFixtures.message(1, otherSubject, "Dear Jane,\n").contentHash()).isNotEqualTo(first.contentHash());
    }

    /** An image as the letter renderer hands it over, made from {@code bytes}. */
    private static InlinePart image(String fileName, byte[] bytes) throws Exception {
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        return InlinePart.of(new InlineImage(sha256.substring(0, 32) + "@signon", fileName, "image/png", sha256, bytes),
                new Origin(java.nio.file.Path.of("letter.md"), 0, "image"));
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private static OutgoingMessage withImages(List<InlinePart> images, List<Attachment> attachments) {
        String html = "<p><img src=\"cid:" + images.get(0).contentId() + "\" alt=\"\"> Dear Jane,</p>\n";
        return OutgoingMessage.of(1, envelope(), new MessageContent("Dear Jane,\n", Optional.of(html), images, attachments),
                "<id.signon@example.org>", MailFixtures.TEST);
    }

    @Test
    void imagesTheHtmlShowsAreInlinePartsOfAMultipartRelatedAfterTheText() throws Exception {
        byte[] other = java.util.Arrays.copyOf(PNG, 3000);
        InlinePart logo = image("Logo été.png", PNG);
        OutgoingMessage message = withImages(List.of(logo, image("chart.png", other)), List.of());

        MimeMessage copy = reparse(MimeMessages.toBytes(MimeMessages.build(message, session, new Date())));

        MimeMultipart alternative = (MimeMultipart) copy.getContent();
        assertThat(copy.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        Part relatedPart = alternative.getBodyPart(1);
        assertThat(new ContentType(relatedPart.getContentType()).getBaseType()).isEqualTo("multipart/related");
        assertThat(new ContentType(relatedPart.getContentType()).getParameter("type")).isEqualTo("text/html");
        MimeMultipart related = (MimeMultipart) relatedPart.getContent();
        assertThat(related.getCount()).isEqualTo(3);
        assertThat(related.getBodyPart(0).getContentType()).startsWith("text/html");
        MimeBodyPart first = (MimeBodyPart) related.getBodyPart(1);
        assertThat(first.getContentType()).startsWith("image/png");
        assertThat(first.getContentID()).isEqualTo("<" + logo.contentId() + ">");
        assertThat(first.getDisposition()).isEqualTo(Part.INLINE);
        assertThat(first.getFileName()).isEqualTo("Logo été.png");
        assertThat(first.getEncoding()).isEqualTo("base64");
        assertThat(first.getInputStream().readAllBytes()).isEqualTo(PNG);
        assertThat(related.getBodyPart(2).getInputStream().readAllBytes()).isEqualTo(other);
        String html = (String) related.getBodyPart(0).getContent();
        assertThat(html).contains("src=\"cid:" + first.getContentID().replaceAll("^<|>$", "") + "\"");
    }

    @Test
    void withAnAttachmentTheRelatedPartStaysInsideTheAlternative() throws Exception {
        OutgoingMessage message = withImages(List.of(image("logo.png", PNG)),
                List.of(new Attachment("Letter.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'})));

        MimeMessage copy = reparse(MimeMessages.toBytes(MimeMessages.build(message, session, new Date())));

        MimeMultipart mixed = (MimeMultipart) copy.getContent();
        assertThat(copy.getContentType()).startsWith("multipart/mixed");
        assertThat(mixed.getCount()).isEqualTo(2);
        MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        MimeMultipart related = (MimeMultipart) alternative.getBodyPart(1).getContent();
        assertThat(related.getContentType()).startsWith("multipart/related");
        assertThat(related.getBodyPart(1).getDisposition()).isEqualTo(Part.INLINE);
        assertThat(mixed.getBodyPart(1).getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("Letter.pdf");
    }

    @Test
    void htmlWithoutImagesHasNoRelatedPart() throws Exception {
        byte[] eml = MimeMessages.toBytes(MimeMessages.build(withParts("Dear Jane,", "<p>Dear Jane,</p>"), session, new Date()));

        assertThat(new String(eml, StandardCharsets.US_ASCII)).doesNotContain("multipart/related", "Content-ID");
        assertThat(((MimeMultipart) reparse(eml).getContent()).getBodyPart(1).getContentType()).startsWith("text/html");
    }

    @Test
    void imagesCannotTravelWithoutTheHtmlThatShowsThem() throws Exception {
        List<InlinePart> images = List.of(image("logo.png", PNG));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new MessageContent("text", Optional.empty(), images, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theContentHashCoversTheImagesBytesAndKeepsItsValueForMessagesWithout() throws Exception {
        byte[] changed = PNG.clone();
        changed[15] = 'E';
        String html = "<p><img src=\"cid:x\"></p>";
        Envelope envelope = envelope();

        String withLogo = ContentHash.of(envelope, new MessageContent("t", Optional.of(html), List.of(image("logo.png", PNG)), List.of()));
        String sameAgain = ContentHash.of(envelope, new MessageContent("t", Optional.of(html), List.of(image("logo.png", PNG)), List.of()));
        String otherBytes = ContentHash.of(envelope, new MessageContent("t", Optional.of(html), List.of(image("logo.png", changed)), List.of()));
        String otherName = ContentHash.of(envelope, new MessageContent("t", Optional.of(html), List.of(image("seal.png", PNG)), List.of()));
        String none = ContentHash.of(envelope, new MessageContent("t", Optional.of(html), List.of(), List.of()));

        assertThat(sameAgain).isEqualTo(withLogo);
        assertThat(List.of(otherBytes, otherName, none)).doesNotContain(withLogo).doesNotHaveDuplicates();
        assertThat(none).as("a message without images hashes as before")
                .isEqualTo(ContentHash.of(envelope, new MessageContent("t", Optional.of(html), List.of())));
    }

    @Test
    void aControlCharacterInAnImagesFileNameIsADataError() {
        InlineImage image = new InlineImage("ab@signon", "logo\r\nBcc: x.png", "image/png", "ab", PNG);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InlinePart.of(image, new Origin(java.nio.file.Path.of("letters/letter.md"), 0, "image")))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.file()).isEqualTo(java.nio.file.Path.of("letters/letter.md"));
                    assertThat(e.getMessage()).contains("image 'logoU+000DU+000ABcc: x.png'", "control character (U+000D)")
                            .doesNotContain("\r").doesNotContain("\n");
                });
    }

    @Test
    void messageIdsAreUniqueAndUseTheSenderDomain() {
        MessageIds ids = new MessageIds(java.time.Clock.systemUTC());
        String one = ids.next(MailFixtures.address(MailFixtures.FROM));
        String two = ids.next(MailFixtures.address(MailFixtures.FROM));

        assertThat(one).matches("<[0-9a-z]+\\.[0-9a-f]{24}\\.1\\.signon@example\\.org>");
        assertThat(two).endsWith(".2.signon@example.org>");
        assertThat(new MessageIds(java.time.Clock.systemUTC()).next(MailFixtures.address(MailFixtures.FROM)))
                .as("another run draws another random part").isNotEqualTo(one);
    }
}
