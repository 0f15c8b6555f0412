package org.signon.cli;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** What a test's SMTP server (GreenMail on 127.0.0.1) holds. */
final class Received {

    private Received() {
    }

    /** The messages in the mailbox of {@code address}, as its owner would find them. */
    static List<MimeMessage> by(GreenMailExtension greenMail, String address) {
        return greenMail.findReceivedMessages(user -> user.getEmail().equals(address), message -> true).toList();
    }
}
