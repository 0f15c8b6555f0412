package org.signon.mail.message;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

/** A message as a person reads it in a dry run: decoded headers, then the text body. */
public final class MessagePreview {

    private MessagePreview() {
    }

    public static String headers(OutgoingMessage message, Date date) {
        Envelope e = message.envelope();
        StringBuilder out = new StringBuilder();
        out.append("From: ").append(display(e.from())).append('\n');
        line(out, "To", e.to());
        line(out, "Cc", e.cc());
        line(out, "Bcc", e.bcc());
        line(out, "Reply-To", e.replyTo());
        out.append("Subject: ").append(e.subject()).append('\n');
        out.append("Date: ").append(new MailDateFormat().format(date)).append('\n');
        out.append("Message-ID: ").append(message.messageId()).append('\n');
        for (InlinePart image : message.content().inline()) {
            out.append("Image: ").append(image.fileName()).append(" (").append(image.contentType()).append(", ")
                    .append(image.size()).append(" bytes, in the HTML)\n");
        }
        for (Attachment a : message.content().attachments()) {
            out.append("Attachment: ").append(a.fileName()).append(" (").append(a.contentType()).append(", ")
                    .append(a.content().length).append(" bytes)\n");
        }
        return out.toString();
    }

    /** Headers, a blank line and the body, as the recipient will see the text. */
    public static String full(OutgoingMessage message, Date date) {
        String text = message.content().text();
        return headers(message, date) + "\n" + text + (text.endsWith("\n") ? "" : "\n");
    }

    /** {@code Name <address>} as a person writes it: quotes only where the name needs them. */
    static String display(InternetAddress address) {
        String name = address.getPersonal();
        if (name == null || name.isEmpty()) {
            return address.getAddress();
        }
        boolean special = name.chars().anyMatch(c -> "()<>@,;:\\\".[]".indexOf(c) >= 0);
        String shown = special ? "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : name;
        return shown + " <" + address.getAddress() + ">";
    }

    private static void line(StringBuilder out, String name, List<InternetAddress> addresses) {
        if (!addresses.isEmpty()) {
            out.append(name).append(": ")
                    .append(addresses.stream().map(MessagePreview::display).collect(Collectors.joining(", ")))
                    .append('\n');
        }
    }
}
