package org.signon.mail.smtp;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * The server's replies to a pipelined envelope (RFC 2920): MAIL FROM, then one RCPT TO per
 * recipient, read after they were all sent. A refusal becomes the exception Angus throws for
 * the same reply when it sends the commands one by one (the reply codes {@link SmtpClient}
 * decides by, and the addresses sorted as Angus sorts them), so that a pipelined message fails,
 * retries and reports as an unpipelined one.
 *
 * @param replies one per command, in the order sent; the last has code -1 when the connection was lost
 */
record EnvelopeReplies(List<Reply> replies) {

    /** One command and the server's reply to it; code -1 when the connection was lost instead. */
    record Reply(String command, int code, String text) {
        boolean positive() {
            return code >= 200 && code < 300;
        }
    }

    EnvelopeReplies {
        replies = List.copyOf(replies);
    }

    /**
     * Why the message cannot go on to its data, if it cannot.
     *
     * @param recipients the RCPT TO addresses, in the order sent
     */
    Optional<MessagingException> refusal(Address[] recipients) {
        Reply mail = replies.get(0);
        if (mail.code() != 250) {
            return Optional.of(new SMTPSendFailedException(mail.command(), mail.code(), mail.text(), null, null,
                    recipients, null));
        }
        List<Address> valid = new ArrayList<>();
        List<Address> invalid = new ArrayList<>();
        MessagingException chain = null;
        for (int i = 1; i < replies.size(); i++) {
            Reply rcpt = replies.get(i);
            InternetAddress address = (InternetAddress) recipients[i - 1];
            if (rcpt.code() == -1) {
                return Optional.of(new SMTPSendFailedException(rcpt.command(), -1, rcpt.text(), null, null,
                        recipients, null));
            }
            if (rcpt.positive()) {
                valid.add(address);
                continue;
            }
            SMTPAddressFailedException failed = new SMTPAddressFailedException(address, rcpt.command(), rcpt.code(), rcpt.text());
            if (rcpt.code() < 400 || rcpt.code() > 599) {
                // Not a 4xx or 5xx: no answer Angus knows, which it throws alone, as here.
                return Optional.of(failed);
            }
            // As Angus sorts them: a 4xx address (and 552, which SmtpClient retries as 452) may take the message later.
            (rcpt.code() >= 500 && rcpt.code() != 552 ? invalid : valid).add(address);
            if (chain == null) {
                chain = failed;
            } else {
                chain.setNextException(failed);
            }
        }
        if (chain == null) {
            return Optional.empty();
        }
        return Optional.of(new SendFailedException("Invalid Addresses", chain, null,
                valid.toArray(new Address[0]), invalid.toArray(new Address[0])));
    }
}
