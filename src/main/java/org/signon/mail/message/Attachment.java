package org.signon.mail.message;

import java.util.Arrays;
import org.signon.mail.Origin;

/**
 * A file attached to a message (for example the letter as PDF).
 *
 * @param fileName    the name the recipient sees; no path, no control characters
 * @param contentType a MIME type such as {@code application/pdf}
 * @param content     the bytes, copied
 * @param identity    what says two attachments are the same for the send journal: the
 *                    SHA-256 (hex) of the content, or of what it was made from (a PDF, as
 *                    the journals of versions whose PDFs differed on every run counted it)
 */
public record Attachment(String fileName, String contentType, byte[] content, String identity) {

    public Attachment {
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\")) {
            throw new IllegalArgumentException("attachment needs a plain file name: " + fileName);
        }
        HeaderText.requireClean(fileName, new Origin(null, 0, "attachment"), "attachment name");
        content = content.clone();
    }

    /** An attachment identified by its bytes. */
    public Attachment(String fileName, String contentType, byte[] content) {
        this(fileName, contentType, content, ContentHash.sha256Hex(content));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment a && a.fileName.equals(fileName) && a.contentType.equals(contentType)
                && a.identity.equals(identity) && Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * fileName.hashCode() + contentType.hashCode()) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
