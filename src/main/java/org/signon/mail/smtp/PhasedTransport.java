package org.signon.mail.smtp;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.event.ConnectionEvent;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, remembering how far the current message got. The distinction that
 * matters is whether the terminating "." has gone to the server: before it, a failure means
 * the message was not accepted and may be retried; after it, a lost connection leaves the
 * outcome unknown. {@code beforeDot} runs just before that point, so that the intent to send is
 * on disk before the server can accept the message.
 */
final class PhasedTransport extends SMTPTransport {

    /** How far the current message got. */
    enum Phase {
        /** MAIL FROM, RCPT TO and DATA: nothing can have been accepted. */
        ENVELOPE,
        /** The message data is being written; without the final "." the server discards it. */
        DATA,
        /** The final "." was (being) sent: the server may have accepted the message. */
        AWAITING_REPLY
    }

    private Phase phase = Phase.ENVELOPE;
    private Runnable beforeDot = () -> { };
    private boolean open;

    PhasedTransport(Session session, URLName url) {
        super(session, url);
    }

    /** Sends one message; on failure {@link #phase()} says how far it got. */
    void send(MimeMessage message, Address[] recipients, Runnable beforeDot) throws MessagingException {
        this.phase = Phase.ENVELOPE;
        this.beforeDot = beforeDot;
        try {
            sendMessage(message, recipients);
        } finally {
            this.beforeDot = () -> { };
        }
    }

    Phase phase() {
        return phase;
    }

    /** Whether the connection is believed open, without the NOOP round trip of {@link #isConnected()}. */
    boolean isOpen() {
        return open;
    }

    /** Whether the server's EHLO reply offered the login method {@code mechanism} ("PLAIN"); Angus asks for the lock. */
    synchronized boolean offersLogin(String mechanism) {
        return supportsAuthentication(mechanism);
    }

    @Override
    protected OutputStream data() throws MessagingException {
        OutputStream out = super.data();
        phase = Phase.DATA;
        return out;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        beforeDot.run();
        phase = Phase.AWAITING_REPLY;
        super.finishData();
    }

    @Override
    protected void notifyConnectionListeners(int type) {
        if (type == ConnectionEvent.OPENED) {
            open = true;
        } else if (type == ConnectionEvent.CLOSED) {
            open = false;
        }
        super.notifyConnectionListeners(type);
    }
}
