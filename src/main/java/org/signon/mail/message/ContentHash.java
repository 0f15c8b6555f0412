package org.signon.mail.message;

import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 over what recipients actually get, except Date and Message-ID: sender, every
 * recipient, Reply-To, subject, each body part, each image the HTML shows and each attachment. An unchanged letter sent to
 * the same people therefore hashes the same on every run, which is how the send journal knows
 * a message was already delivered. Line ends are normalized because the wire form is CRLF
 * whatever the letter file used.
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String of(Envelope envelope, MessageContent content) {
        MessageDigest digest = sha256();
        field(digest, "from", address(envelope.from()));
        addresses(digest, "to", envelope.to());
        addresses(digest, "cc", envelope.cc());
        addresses(digest, "bcc", envelope.bcc());
        addresses(digest, "reply-to", envelope.replyTo());
        field(digest, "subject", envelope.subject());
        field(digest, "text", normalize(content.text()));
        field(digest, "html", content.html().map(ContentHash::normalize).orElse("\u0000none"));
        // The HTML names each image by a Content-ID made from its bytes; the hash of the bytes
        // says it outright. A message without images hashes as it always did.
        for (InlinePart image : content.inline()) {
            field(digest, "inline", image.contentId() + "\n" + image.fileName() + "\n" + image.contentType()
                    + "\n" + image.sha256());
        }
        for (Attachment attachment : content.attachments()) {
            field(digest, "attachment", attachment.fileName() + "\n" + attachment.contentType() + "\n"
                    + attachment.identity());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of {@code bytes}, in lowercase hex. */
    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static void addresses(MessageDigest digest, String name, List<InternetAddress> list) {
        for (InternetAddress a : list) {
            field(digest, name, address(a));
        }
    }

    private static String address(InternetAddress a) {
        return (a.getPersonal() == null ? "" : a.getPersonal()) + " <" + a.getAddress().toLowerCase(java.util.Locale.ROOT) + ">";
    }

    /** Length-prefixed so that no two different messages feed the digest the same bytes. */
    private static void field(MessageDigest digest, String name, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((name + ":" + bytes.length + ":").getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
    }

    private static String normalize(String text) {
        return text.replace("\r\n", "\n");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
