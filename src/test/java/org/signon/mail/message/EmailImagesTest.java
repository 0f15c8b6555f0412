package org.signon.mail.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.signon.letter.Letter;
import org.signon.letter.LetterReader;
import org.signon.letter.template.LetterTemplate;
import org.signon.mail.MailFixtures;
import org.signon.mail.journal.JournalHistory;
import org.signon.mail.journal.SendJournal;
import org.signon.mail.send.BatchSender;
import org.signon.mail.send.MessageResult.Status;
import org.signon.mail.send.PlannedMessage;
import org.signon.mail.send.PlannedMessage.Decision;
import org.signon.mail.send.SendListener;
import org.signon.mail.send.SendReport;
import org.signon.signers.SignerLoader;
import org.signon.signers.SignerOptions;

/**
 * A letter with a letterhead and a body image, composed, written as .eml files and sent: the
 * HTML shows the images from inline parts of the message ({@code cid:}), as Gmail and Outlook
 * display them, never from {@code data:} URIs.
 */
class EmailImagesTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private Path letterFile;
    private byte[] logo;
    private byte[] chart;

    @BeforeEach
    void campaign() throws Exception {
        Files.writeString(dir.resolve("signers.csv"), "Organization\nExample Action Fund\nRights & Justice\n");
        logo = png(dir.resolve("art/logo.png"), 0x1f4e79);
        chart = png(dir.resolve("chart.png"), 0xb00020);
        letterFile = dir.resolve("letter.md");
        Files.writeString(letterFile, """
                ---
                title: Letter to Example Cloud
                from: Example Coalition <coalition@example.org>
                to: Jordan Example <jordan@example.com>
                logo: art/logo.png
                signers: signers.csv
                ---
                Dear {{recipient.name}},

                ![Where the data goes](chart.png)

                Signed under our seal: ![seal](art/logo.png)
                """);
    }

    private static byte[] png(Path file, int rgb) throws Exception {
        BufferedImage image = new BufferedImage(240, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, 240, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        Files.createDirectories(file.getParent());
        Files.write(file, out.toByteArray());
        return out.toByteArray();
    }

    private MessageComposer composer(boolean attachPdf) {
        Letter letter = LetterReader.read(letterFile);
        return new MessageComposer(letter, LetterTemplate.compile(letter),
                SignerLoader.load(dir.resolve("signers.csv"), SignerOptions.defaults()).list(),
                LetterAddressing.of(letter, List.of()), new MessageIds(Clock.systemUTC()), attachPdf);
    }

    private OutgoingMessage first(MessageComposer composer) throws Exception {
        return personal(composer, 1).get(0);
    }

    private List<OutgoingMessage> personal(MessageComposer composer) throws Exception {
        return personal(composer, 3);
    }

    private List<OutgoingMessage> personal(MessageComposer composer, int limit) throws Exception {
        Path contacts = dir.resolve("contacts.csv");
        Files.writeString(contacts, "name,email\nJordan Example,jordan@example.com\nSam Example,sam@example.com\n"
                + "Alex Example,alex@example.com\n");
        return composer.personalBatch(contacts, ContactsReader.read(contacts), limit).all();
    }

    /** The message as a dry run writes it, opened again from its .eml file. */
    private MimeMessage viaEmlFile(OutgoingMessage message) throws Exception {
        Path file;
        try (EmlFiles files = EmlFiles.open(dir.resolve("preview"), 1)) {
            file = files.writeAll(List.of(message), MimeMessages.offlineSession(), MimeMessages.dateHeader(new Date())).get(0);
            files.publish();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(MimeMessages.offlineSession(), in);
        }
    }

    private static Multipart multipart(Part part, String type) throws Exception {
        assertThat(new ContentType(part.getContentType()).getBaseType()).isEqualTo(type);
        return (Multipart) part.getContent();
    }

    /** Checks text, HTML and images of a message whose body is multipart/alternative. */
    private void assertLetterWithInlineImages(Part alternativePart) throws Exception {
        Multipart alternative = multipart(alternativePart, "multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        BodyPart relatedPart = alternative.getBodyPart(1);
        assertThat(new ContentType(relatedPart.getContentType()).getParameter("type")).isEqualTo("text/html");
        Multipart related = multipart(relatedPart, "multipart/related");
        assertThat(related.getCount()).as("the HTML, then the logo and the chart, each once").isEqualTo(3);

        String html = (String) related.getBodyPart(0).getContent();
        assertThat(related.getBodyPart(0).getContentType()).startsWith("text/html");
        assertThat(html).doesNotContain("data:");
        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content")).contains("img-src cid:");

        MimeBodyPart logoPart = (MimeBodyPart) related.getBodyPart(1);
        MimeBodyPart chartPart = (MimeBodyPart) related.getBodyPart(2);
        assertThat(page.selectFirst("img.letterhead").attr("src")).isEqualTo("cid:" + bare(logoPart.getContentID()));
        assertThat(page.select("main p img").eachAttr("src"))
                .containsExactly("cid:" + bare(chartPart.getContentID()), "cid:" + bare(logoPart.getContentID()));
        for (MimeBodyPart image : List.of(logoPart, chartPart)) {
            assertThat(image.getContentType()).startsWith("image/png");
            assertThat(image.getDisposition()).isEqualTo(Part.INLINE);
            assertThat(image.getEncoding()).isEqualTo("base64");
        }
        assertThat(logoPart.getFileName()).isEqualTo("logo.png");
        assertThat(chartPart.getFileName()).isEqualTo("chart.png");
        assertThat(logoPart.getInputStream().readAllBytes()).isEqualTo(logo);
        assertThat(chartPart.getInputStream().readAllBytes()).isEqualTo(chart);
    }

    private static String bare(String contentId) {
        assertThat(contentId).startsWith("<").endsWith(">");
        return contentId.substring(1, contentId.length() - 1);
    }

    @Test
    void aDryRunsEmlFileShowsTheImagesFromInlineParts() throws Exception {
        OutgoingMessage message = first(composer(false));

        MimeMessage eml = viaEmlFile(message);

        assertLetterWithInlineImages(eml);
    }

    @Test
    void withThePdfAttachedTheLetterIsWrappedInMultipartMixed() throws Exception {
        OutgoingMessage message = first(composer(true));

        MimeMessage eml = viaEmlFile(message);

        Multipart mixed = multipart(eml, "multipart/mixed");
        assertThat(mixed.getCount()).isEqualTo(2);
        assertLetterWithInlineImages(mixed.getBodyPart(0));
        assertThat(mixed.getBodyPart(1).getContentType()).startsWith("application/pdf");
        assertThat(mixed.getBodyPart(1).getDisposition()).isEqualTo(Part.ATTACHMENT);
    }

    @Test
    void aSentMessageArrivesWithItsImagesAsInlineParts() throws Exception {
        List<OutgoingMessage> messages = List.of(first(composer(false)));

        SendReport report = send(messages);

        assertThat(report.count(Status.SENT)).isEqualTo(1);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertLetterWithInlineImages(received[0]);
    }

    private SendReport send(List<OutgoingMessage> messages) {
        try (SendJournal journal = SendJournal.open(dir.resolve("letter.sent.csv"))) {
            List<PlannedMessage> plan = PlannedMessage.plan(messages, journal.history(), false);
            return new BatchSender(MailFixtures.plain(greenMail.getSmtp().getPort()), null, journal,
                    MailFixtures.NO_SLEEP, Clock.systemUTC()).send(plan, SendListener.NONE);
        }
    }

    @Test
    void theNextRunOfTheSameLetterSkipsWhatWasSentAndAChangedImageIsAnotherVersion() throws Exception {
        send(personal(composer(false)));
        assertThat(greenMail.getReceivedMessages()).hasSize(3);

        JournalHistory history = SendJournal.read(dir.resolve("letter.sent.csv"));
        assertThat(PlannedMessage.plan(personal(composer(false)), history, false))
                .as("a second run: new Message-IDs, same content").extracting(PlannedMessage::decision)
                .containsOnly(Decision.SKIP_SENT);

        png(dir.resolve("chart.png"), 0x006400);
        assertThat(PlannedMessage.plan(personal(composer(false)), history, false))
                .as("the chart changed: each contact already got another version").extracting(PlannedMessage::decision)
                .containsOnly(Decision.SKIP_CHANGED);
    }

    @Test
    void everyMessageOfABatchSharesTheImagesEncodedOnce() throws Exception {
        List<OutgoingMessage> messages = personal(composer(false));

        List<InlinePart> first = messages.get(0).content().inline();
        assertThat(first).hasSize(2);
        for (OutgoingMessage message : messages) {
            List<InlinePart> images = message.content().inline();
            for (int i = 0; i < first.size(); i++) {
                assertThat(images.get(i)).isSameAs(first.get(i));
                assertThat(images.get(i).base64()).isSameAs(first.get(i).base64());
            }
        }
        assertThat(messages).extracting(m -> m.content().html().orElseThrow()).allSatisfy(html ->
                assertThat(html).contains("cid:" + first.get(0).contentId(), "cid:" + first.get(1).contentId()));
    }

    @Test
    void theDryRunPreviewListsTheImages() throws Exception {
        OutgoingMessage message = first(composer(false));

        assertThat(MessagePreview.headers(message, new Date()))
                .contains("Image: logo.png (image/png, " + logo.length + " bytes, in the HTML)\n",
                        "Image: chart.png (image/png, " + chart.length + " bytes, in the HTML)\n");
    }

    @Test
    void aLetterWithoutImagesHasNoRelatedPart() throws Exception {
        Files.writeString(letterFile, Files.readString(letterFile).replace("logo: art/logo.png\n", "")
                .replace("![Where the data goes](chart.png)", "").replace(" ![seal](art/logo.png)", ""));
        OutgoingMessage message = first(composer(false));

        MimeMessage eml = viaEmlFile(message);

        assertThat(message.content().inline()).isEmpty();
        Multipart alternative = multipart(eml, "multipart/alternative");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        List<String> types = new ArrayList<>();
        for (int i = 0; i < alternative.getCount(); i++) {
            types.add(alternative.getBodyPart(i).getContentType());
        }
        assertThat(types).noneMatch(type -> type.startsWith("multipart/related"));
        assertThat(new String(MimeMessages.toBytes(MimeMessages.build(message, MimeMessages.offlineSession(), new Date())),
                StandardCharsets.US_ASCII)).doesNotContain("multipart/related", "Content-ID:");
    }
}
