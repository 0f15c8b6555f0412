package org.signon.mail.message;

import java.util.List;
import java.util.Optional;

/**
 * What a message says: the plain text every recipient can read, optionally an HTML
 * alternative of the same text with the images it shows ({@code cid:} parts), and attachments.
 */
public record MessageContent(String text, Optional<String> html, List<InlinePart> inline, List<Attachment> attachments) {

    public MessageContent {
        inline = List.copyOf(inline);
        attachments = List.copyOf(attachments);
        if (!inline.isEmpty() && html.isEmpty()) {
            throw new IllegalArgumentException("inline images need an HTML part that shows them");
        }
    }

    /** A message whose HTML, if any, shows no images of its own. */
    public MessageContent(String text, Optional<String> html, List<Attachment> attachments) {
        this(text, html, List.of(), attachments);
    }

    public static MessageContent text(String text) {
        return new MessageContent(text, Optional.empty(), List.of());
    }
}
