package org.signon.mail.smtp;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.event.ConnectionEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP transport, remembering how far the current message got. The distinction that
 * matters is whether the terminating "." has gone to the server: before it, a failure means
 * the message was not accepted and may be retried; after it, a lost connection leaves the
 * outcome unknown. {@code beforeDot} runs just before that point, so that the intent to send is
 * on disk before the server can accept the message.
 *
 * <p>When the server offers PIPELINING (RFC 2920), MAIL FROM, every RCPT TO and DATA go out
 * together and their replies are read after them: one round trip for the envelope instead of
 * one per command. A refusal among them fails, retries and reports as it would unpipelined.
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

    /**
     * A reply other than 250 to the EHLO after STARTTLS, or none. Angus ignores it and goes on
     * with the extensions offered before TLS, which anyone on the path could have added
     * (PIPELINING, an AUTH method); RFC 3207 4.2 says to forget them, so the connection ends.
     */
    static final class EhloRefusedAfterStartTls extends MessagingException {
        private final int code;

        EhloRefusedAfterStartTls(int code, String reply) {
            super(reply);
            this.code = code;
        }

        /** The reply code, -1 when the connection ended instead. */
        int code() {
            return code;
        }
    }

    private Phase phase = Phase.ENVELOPE;
    /** Whether STARTTLS succeeded on this connection, making the next EHLO reply the only one to trust. */
    private boolean tlsStarted;
    private Runnable beforeDot = () -> { };
    private boolean open;
    /** The message being sent and its recipients, for the pipelined envelope. */
    private MimeMessage message;
    private Address[] recipients;
    /** Envelope commands sent with PIPELINING whose replies are still to be read, in order. */
    private final List<String> unanswered = new ArrayList<>();

    PhasedTransport(Session session, URLName url) {
        super(session, url);
    }

    /** Sends one message; on failure {@link #phase()} says how far it got. */
    void send(MimeMessage message, Address[] recipients, Runnable beforeDot) throws MessagingException {
        this.phase = Phase.ENVELOPE;
        this.beforeDot = beforeDot;
        this.message = message;
        this.recipients = recipients;
        try {
            sendMessage(message, recipients);
        } finally {
            this.beforeDot = () -> { };
            this.message = null;
            this.recipients = null;
            unanswered.clear();
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
    protected void startTLS() throws MessagingException {
        super.startTLS();
        tlsStarted = true;
    }

    /** Throws {@link EhloRefusedAfterStartTls} (Angus then closes the connection) instead of going on without a list. */
    @Override
    protected boolean ehlo(String domain) throws MessagingException {
        boolean accepted = super.ehlo(domain);
        if (!accepted && tlsStarted) {
            throw new EhloRefusedAfterStartTls(getLastReturnCode(), getLastServerResponse());
        }
        return accepted;
    }

    @Override
    protected void mailFrom() throws MessagingException {
        String sender = pipelinedSender();
        if (sender == null) {
            super.mailFrom();
            return;
        }
        unanswered.add("MAIL FROM:<" + sender + ">");
    }

    @Override
    protected void rcptTo() throws MessagingException {
        if (unanswered.isEmpty()) {
            super.rcptTo();
            return;
        }
        for (Address recipient : recipients) {
            unanswered.add("RCPT TO:<" + ((InternetAddress) recipient).getAddress() + ">");
        }
        // One write for MAIL FROM and every RCPT TO (Angus flushes after each command it sends),
        // so that they reach the server together: fewer packets, and a server that reads them
        // wakes up once rather than once per command. DATA follows in the next.
        sendCommand(String.join("\r\n", unanswered));
    }

    /**
     * The envelope sender when the envelope is pipelined, else null: the From address, as
     * Angus takes it when neither mail.smtp.from nor an SMTPMessage names another (signon sets
     * neither), so that both ways send the same MAIL FROM.
     */
    private String pipelinedSender() throws MessagingException {
        if (message == null || !supportsExtension("PIPELINING")) {
            return null;
        }
        Address[] from = message.getFrom();
        return from != null && from.length > 0 ? ((InternetAddress) from[0]).getAddress() : null;
    }

    /**
     * Angus reads the reply to DATA here; after a pipelined envelope the replies to MAIL FROM
     * and RCPT TO come first. A refusal among them is thrown; when the server nevertheless
     * answered DATA with 354 it now waits for data that must not come (a partial delivery), so
     * the connection is closed instead, and the server discards the message.
     */
    @Override
    protected int readServerResponse() throws MessagingException {
        if (unanswered.isEmpty()) {
            return super.readServerResponse();
        }
        List<EnvelopeReplies.Reply> replies = new ArrayList<>();
        try {
            for (String command : unanswered) {
                int code = super.readServerResponse();
                replies.add(new EnvelopeReplies.Reply(command, code, getLastServerResponse()));
                if (code == -1) {
                    break;
                }
            }
        } finally {
            unanswered.clear();
        }
        Optional<MessagingException> refusal = new EnvelopeReplies(replies).refusal(recipients);
        int data = replies.get(replies.size() - 1).code() == -1 ? -1 : super.readServerResponse();
        if (refusal.isEmpty()) {
            return data;
        }
        if (data == 354 || data == -1) {
            // After a 354, Angus's close sends QUIT, which lands in the message data; the
            // connection then ends without the final ".", so nothing is delivered. It does not
            // wait for a reply to that QUIT only because SmtpClient sets mail.smtp.quitwait=false.
            closeQuietly();
        } else {
            resetOrClose();
        }
        throw refusal.get();
    }

    /** Ends the refused transaction, as Angus does after a refused recipient. */
    private void resetOrClose() {
        try {
            issueCommand("RSET", -1);
        } catch (MessagingException e) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (MessagingException e) {
            // The connection is gone either way; the refusal is what gets reported.
        }
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
