package org.signon.mail.message;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import jakarta.mail.util.StreamProvider;

/**
 * Builds the RFC 5322 message for an {@link OutgoingMessage}: UTF-8 text, RFC 2047-encoded
 * names and subject, our own Message-ID. With an HTML part the body becomes
 * multipart/alternative; the HTML and the images it shows ({@code cid:}) are a
 * multipart/related inside it; with attachments it is wrapped in multipart/mixed.
 */
public final class MimeMessages {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    static {
        // Jakarta Mail 2.1 finds its StreamProvider through ServiceLoader for every body part
        // (jakartaee/mail-api#861), scanning the whole jar each time: with an HTML part that
        // was a quarter of a batch's time. Naming the implementation turns it into a class
        // lookup. A value the user set wins.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private MimeMessages() {
    }

    /** A session for building messages only; it never connects anywhere. */
    public static Session offlineSession() {
        return Session.getInstance(new Properties());
    }

    /** Values were validated when the envelope was made, so a failure here is a bug. */
    public static MimeMessage build(OutgoingMessage message, Session session, Date date) {
        return build(message, session, dateHeader(date));
    }

    /**
     * The Date header for {@code date} (RFC 5322), to build many messages of the same moment:
     * MimeMessage.setSentDate formats it anew each time, under one lock for every thread.
     */
    public static String dateHeader(Date date) {
        return new MailDateFormat().format(date);
    }

    /**
     * Dates a message built earlier with {@code date}: the moment it is handed to the server,
     * not the moment it was built (a throttled relay can hold the ones before it for minutes).
     */
    public static void redate(MimeMessage mime, Date date) {
        try {
            mime.setHeader("Date", dateHeader(date));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot date a message: " + e.getMessage(), e);
        }
    }

    /** {@link #build(OutgoingMessage, Session, Date)} with the Date header already formatted. */
    public static MimeMessage build(OutgoingMessage message, Session session, String dateHeader) {
        try {
            PresetIdMessage mime = new PresetIdMessage(session, message.messageId());
            Envelope envelope = message.envelope();
            mime.setFrom(envelope.from());
            setRecipients(mime, RecipientType.TO, envelope.to());
            setRecipients(mime, RecipientType.CC, envelope.cc());
            setRecipients(mime, RecipientType.BCC, envelope.bcc());
            if (!envelope.replyTo().isEmpty()) {
                mime.setReplyTo(envelope.replyTo().toArray(new InternetAddress[0]));
            }
            mime.setSubject(envelope.subject(), UTF_8);
            mime.setHeader("Date", dateHeader);
            setBody(mime, message.content());
            mime.saveChanges();
            return mime;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build message " + message.position() + ": " + e.getMessage(), e);
        }
    }

    /** The message as an .eml file holds it: Bcc included, since this is the sender's copy. */
    public static byte[] toBytes(MimeMessage mime) {
        // Sized for the whole message, so that the buffer is not copied as it grows.
        int size = mime instanceof PresetIdMessage preset ? preset.bodySize + 2048 : 4096;
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        try {
            mime.writeTo(out);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot serialize message: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void setRecipients(MimeMessage mime, RecipientType type, List<InternetAddress> list)
            throws MessagingException {
        if (!list.isEmpty()) {
            mime.setRecipients(type, list.toArray(new InternetAddress[0]));
        }
    }

    private static void setBody(PresetIdMessage mime, MessageContent content) throws MessagingException {
        // Mostly-ASCII text grows a little in quoted-printable; attachments are left to grow the buffer.
        mime.bodySize = (int) Math.min(Integer.MAX_VALUE / 2,
                (content.text().length() + content.html().map(String::length).orElse(0)) * 9L / 8
                        + content.inline().stream().mapToLong(image -> image.base64().length + 512L).sum());
        if (content.attachments().isEmpty()) {
            if (content.html().isEmpty()) {
                mime.setTextBody(TextBody.of(content.text()));
            } else {
                mime.setContent(alternative(content));
            }
            return;
        }
        MimeMultipart mixed = new MimeMultipart("mixed");
        if (content.html().isEmpty()) {
            mixed.addBodyPart(textPart(content.text(), "plain"));
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative(content));
            mixed.addBodyPart(body);
        }
        for (Attachment attachment : content.attachments()) {
            mixed.addBodyPart(attachmentPart(attachment));
        }
        mime.setContent(mixed);
    }

    private static MimeMultipart alternative(MessageContent content) throws MessagingException {
        // Order matters: clients show the last alternative they can render.
        return new MimeMultipart("alternative", textPart(content.text(), "plain"), htmlPart(content));
    }

    /**
     * The HTML part; with images, the HTML and the images it shows as one multipart/related
     * (RFC 2387), the HTML first: Gmail strips {@code data:} images and Outlook blocks them,
     * but every client shows a {@code cid:} part of the message itself.
     */
    private static MimeBodyPart htmlPart(MessageContent content) throws MessagingException {
        MimeBodyPart html = textPart(content.html().orElseThrow(), "html");
        if (content.inline().isEmpty()) {
            return html;
        }
        MimeMultipart related = new RelatedMultipart();
        related.addBodyPart(html);
        for (InlinePart image : content.inline()) {
            related.addBodyPart(imagePart(image));
        }
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(related);
        return part;
    }

    /** An image in wire form, written as is, like {@link #textPart}: shown where the HTML says, not listed as a file. */
    private static MimeBodyPart imagePart(InlinePart image) throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", image.contentType());
        headers.setHeader("Content-Transfer-Encoding", "base64");
        MimeBodyPart part = new MimeBodyPart(headers, image.base64());
        part.setContentID("<" + image.contentId() + ">");
        part.setDisposition(Part.INLINE);
        part.setFileName(image.fileName());
        return part;
    }

    /**
     * A text part already in wire form. A part made from headers and bytes is one Jakarta Mail
     * treats as read from a message: saveChanges leaves its Content-Transfer-Encoding alone
     * instead of scanning the text to choose one, and writeTo copies the bytes instead of
     * encoding them again.
     */
    private static MimeBodyPart textPart(String text, String subtype) throws MessagingException {
        TextBody body = TextBody.of(text);
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", "text/" + subtype + "; charset=UTF-8");
        headers.setHeader("Content-Transfer-Encoding", body.encoding());
        return new MimeBodyPart(headers, body.bytes());
    }

    private static MimeBodyPart attachmentPart(Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setFileName(attachment.fileName());
        part.setDisposition(Part.ATTACHMENT);
        return part;
    }

    /** multipart/related naming its root's type, which RFC 2387 requires: the HTML is the first part. */
    private static final class RelatedMultipart extends MimeMultipart {
        RelatedMultipart() {
            super("related");
            contentType = contentType + "; type=\"text/html\"";
        }
    }

    /**
     * Keeps the Message-ID chosen before sending (MimeMessage would make a new one) and takes a
     * text body already in wire form, which MimeMessage then writes out as is.
     */
    private static final class PresetIdMessage extends MimeMessage {

        private final String messageId;
        private boolean textBody;
        /** Bytes of the encoded parts and attachments, about the body's size on the wire. */
        int bodySize;

        PresetIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        void setTextBody(TextBody body) throws MessagingException {
            content = body.bytes();
            textBody = true;
            setHeader("Content-Type", "text/plain; charset=UTF-8");
            setHeader("Content-Transfer-Encoding", body.encoding());
        }

        /**
         * Writes headers and the encoded text as they are. Jakarta Mail 2.1.3 would look up its
         * StreamProvider through the ServiceLoader for every message (jakartaee/mail-api#861),
         * which costs more than everything else about a message put together.
         */
        @Override
        public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
            if (!textBody) {
                super.writeTo(os, ignoreList);
                return;
            }
            if (!saved) {
                saveChanges();
            }
            StringBuilder head = new StringBuilder(512);
            Enumeration<String> lines = getNonMatchingHeaderLines(ignoreList);
            while (lines.hasMoreElements()) {
                head.append(lines.nextElement()).append("\r\n");
            }
            head.append("\r\n");
            os.write(head.toString().getBytes(StandardCharsets.UTF_8));
            os.write(content);
            os.flush();
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
