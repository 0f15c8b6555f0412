package org.signon.mail.message;

import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a message is from and to, and its subject: every value already validated (see
 * {@link Addresses}) and free of control characters.
 */
public record Envelope(
        InternetAddress from,
        List<InternetAddress> to,
        List<InternetAddress> cc,
        List<InternetAddress> bcc,
        List<InternetAddress> replyTo,
        String subject) {

    public Envelope {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        replyTo = List.copyOf(replyTo);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one To address");
        }
    }

    /** Every address the server is asked to deliver to (To, Cc, Bcc), in that order. */
    public List<InternetAddress> recipients() {
        List<InternetAddress> all = new ArrayList<>(to.size() + cc.size() + bcc.size());
        all.addAll(to);
        all.addAll(cc);
        all.addAll(bcc);
        return all;
    }

    /** The bare addresses of {@link #recipients()}. */
    public List<String> recipientAddresses() {
        return recipients().stream().map(InternetAddress::getAddress).toList();
    }

    /** The bare addresses of the To field. */
    public List<String> toAddresses() {
        return to.stream().map(InternetAddress::getAddress).toList();
    }
}
