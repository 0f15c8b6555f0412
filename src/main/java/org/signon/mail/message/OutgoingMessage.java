package org.signon.mail.message;

import org.signon.mail.Origin;

/**
 * One message ready to preview, write or send.
 *
 * @param position    1-based position in the batch
 * @param envelope    sender, recipients, subject
 * @param content     body parts and attachments
 * @param messageId   the Message-ID header, {@code <...>}
 * @param contentHash {@link ContentHash} of envelope and content
 * @param origin      where its recipient came from (a contacts row, front matter {@code to})
 */
public record OutgoingMessage(
        int position,
        Envelope envelope,
        MessageContent content,
        String messageId,
        String contentHash,
        Origin origin) {

    public static OutgoingMessage of(int position, Envelope envelope, MessageContent content,
            String messageId, Origin origin) {
        return new OutgoingMessage(position, envelope, content, messageId,
                ContentHash.of(envelope, content), origin);
    }

    /**
     * This message without its body parts, for a report that outlives the batch: position,
     * envelope, Message-ID, content hash and origin stay. A dry run of thousands of messages
     * keeps only these, not every rendered letter.
     */
    public OutgoingMessage withoutContent() {
        return new OutgoingMessage(position, envelope, MessageContent.text(""), messageId, contentHash, origin);
    }
}
