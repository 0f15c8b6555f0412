package org.signon.mail.message;

import java.util.Base64;
import org.signon.letter.render.InlineImage;
import org.signon.mail.MailException;
import org.signon.mail.Origin;

/**
 * An image the HTML part shows ({@code <img src="cid:...">}), in the wire form its MIME part
 * carries: base64 with CRLF line ends, encoded once for a batch and shared by every message of
 * it (a logo is the same in ten thousand letters), written out as is.
 */
public final class InlinePart {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder();

    private final String contentId;
    private final String fileName;
    private final String contentType;
    private final String sha256;
    private final int size;
    /** Shared by every message of a batch and never written to. */
    private final byte[] base64;

    private InlinePart(InlineImage image, Origin origin) {
        this.contentId = image.contentId();
        this.fileName = HeaderText.requireClean(image.fileName(), origin, "the name of image '" + HeaderText.printable(image.fileName()) + "'");
        this.contentType = image.mediaType();
        this.sha256 = image.sha256();
        byte[] bytes = image.bytes();
        this.size = bytes.length;
        this.base64 = BASE64.encode(bytes);
    }

    /**
     * The part for {@code image}, encoded now: make it once per batch.
     *
     * @param origin the letter that shows the image, for an error
     * @throws MailException DATA when the image's file name holds a control character
     */
    public static InlinePart of(InlineImage image, Origin origin) {
        return new InlinePart(image, origin);
    }

    /** The Content-ID without angle brackets: what follows {@code cid:} in the HTML. */
    public String contentId() {
        return contentId;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    /** SHA-256 of the image's bytes, in lowercase hex. */
    public String sha256() {
        return sha256;
    }

    /** The image's size in bytes, before encoding. */
    public int size() {
        return size;
    }

    /** The encoded body; the caller must not change it. */
    byte[] base64() {
        return base64;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InlinePart p && p.contentId.equals(contentId) && p.fileName.equals(fileName)
                && p.contentType.equals(contentType) && p.sha256.equals(sha256);
    }

    @Override
    public int hashCode() {
        return contentId.hashCode() * 31 + fileName.hashCode();
    }

    @Override
    public String toString() {
        return "InlinePart[" + contentId + ", " + fileName + ", " + contentType + ", " + size + " bytes]";
    }
}
