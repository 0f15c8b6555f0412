package org.signon.mail;

import java.util.List;
import java.util.Optional;

/**
 * What a message says: the plain text every recipient can read, optionally an HTML
 * alternative of the same text, and attachments.
 */
public record MessageContent(String text, Optional<String> html, List<Attachment> attachments) {

    public MessageContent {
        attachments = List.copyOf(attachments);
    }

    public static MessageContent text(String text) {
        return new MessageContent(text, Optional.empty(), List.of());
    }
}
