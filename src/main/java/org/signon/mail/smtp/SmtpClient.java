package org.signon.mail.smtp;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.signon.SignonException.Kind;
import org.signon.mail.MailException;

/**
 * One SMTP connection reused for a whole batch, reopened when it drops. It turns Angus's
 * exceptions into what the batch needs to decide: accepted, retry, failed, login required, or
 * unknown.
 */
public final class SmtpClient implements AutoCloseable {

    /**
     * The login methods offered to the server, in Angus's order of preference; XOAUTH2 is left out
     * because it takes a token, not the password signon asks for.
     */
    private static final List<String> LOGIN_METHODS = List.of("LOGIN", "PLAIN", "DIGEST-MD5", "NTLM");
    /** The RFC 3463 code after a reply's number: "552 5.2.2 Mailbox full", "552-5.5.3 ...". */
    private static final Pattern ENHANCED_STATUS = Pattern.compile("\\d{3}[ -](\\d\\.\\d{1,3}\\.\\d{1,3})(?![.\\d])");


    /** What became of one attempt to send a message. */
    public enum Outcome {
        /** The server replied 250 to the end of the data. */
        ACCEPTED,
        /**
         * A 4xx reply (or 552 to a recipient, as 452), or the connection was lost before the
         * message was complete: try again.
         */
        RETRY,
        /** A 5xx reply: the server will not take this message. */
        FAILED,
        /**
         * A 530, 534 or 535 reply: the server takes no mail without a login (or a stronger one),
         * so every further message would get the same answer. The message was not accepted.
         */
        LOGIN_REQUIRED,
        /** The connection was lost after the message was complete: it may have been delivered. */
        UNCERTAIN
    }

    public record Attempt(Outcome outcome, String detail) {
    }

    private final SmtpSettings settings;
    private final String password;
    private final Session session;
    private PhasedTransport transport;

    /** @param password the SMTP password, or null without a username */
    public SmtpClient(SmtpSettings settings, String password) {
        this.settings = settings;
        this.password = password;
        this.session = Session.getInstance(properties(settings));
    }

    public Session session() {
        return session;
    }

    /**
     * Opens the connection unless it is open.
     *
     * @throws MailException PERMISSION when the login is refused, or when smtp.username is set
     *                       and the server offers no login signon can use; UNAVAILABLE when the server cannot be
     *                       reached, TLS fails, or the EHLO after STARTTLS is not answered 250
     */
    public void connect() {
        if (transport != null && transport.isOpen()) {
            return;
        }
        closeQuietly();
        PhasedTransport fresh = new PhasedTransport(session,
                new URLName("smtp", settings.host(), settings.port(), null, user(), null));
        try {
            fresh.connect(settings.host(), settings.port(), user(), settings.hasUsername() ? password : null);
        } catch (AuthenticationFailedException e) {
            if (!offersUsableLogin(fresh)) {
                throw new MailException(Kind.PERMISSION, noUsableLogin(fresh.getExtensionParameter("AUTH")), e);
            }
            throw new MailException(Kind.PERMISSION, where() + " refused the login for '" + settings.username()
                    + "': " + oneLine(e.getMessage()) + " (check smtp.username and SIGNON_SMTP_PASSWORD; "
                    + "many providers require an app password)", e);
        } catch (PhasedTransport.EhloRefusedAfterStartTls e) {
            String answer = e.code() == -1 ? "the connection ended" : oneLine(e.getMessage());
            throw new MailException(Kind.UNAVAILABLE, where() + " did not accept EHLO after STARTTLS (" + answer
                    + "): not going on with what it offered before TLS, which anything on the network could have"
                    + " changed; no message was sent over it", e);
        } catch (MessagingException e) {
            throw new MailException(Kind.UNAVAILABLE, connectFailure(e), e);
        }
        if (settings.hasUsername() && !offersLogin(fresh)) {
            // Angus logs in only when the server offers AUTH ("mail.smtp.auth" means "attempt"),
            // and otherwise goes on unauthenticated: through an open relay, or past an attacker
            // who stripped AUTH from the reply. Nothing has been sent yet.
            closeQuietly(fresh);
            throw new MailException(Kind.PERMISSION, noLoginOffered());
        }
        transport = fresh;
    }

    /** The condition under which Angus's protocolConnect logs in, after STARTTLS when used. */
    private static boolean offersLogin(PhasedTransport connected) {
        return connected.supportsExtension("AUTH") || connected.supportsExtension("AUTH=LOGIN");
    }

    /**
     * Whether the server offers a login method signon uses; Angus reports a server that offers
     * none of them as a refused login, whose remedy (check the password) would be wrong.
     */
    private static boolean offersUsableLogin(PhasedTransport connected) {
        String offered = connected.getExtensionParameter("AUTH");
        if (offered == null) {
            return connected.supportsExtension("AUTH=LOGIN");
        }
        return LOGIN_METHODS.stream().anyMatch(connected::offersLogin);
    }

    private String noUsableLogin(String offered) {
        return where() + " offers logins only by " + oneLine(offered) + ", none of which signon can use (it logs in with "
                + String.join(", ", LOGIN_METHODS.subList(0, LOGIN_METHODS.size() - 1)) + " or "
                + LOGIN_METHODS.get(LOGIN_METHODS.size() - 1) + "): nothing was sent; ask the provider for its SMTP"
                + " settings for a password (or app password) login";
    }

    private String noLoginOffered() {
        String reply = settings.security() == SmtpSecurity.STARTTLS ? "its EHLO reply after STARTTLS" : "its EHLO reply";
        String hint = settings.security() == SmtpSecurity.NONE
                ? "many servers offer it only over TLS: try smtp.security=starttls"
                : "is smtp.port the provider's port for logins, 587 with starttls or 465 with ssl?";
        return where() + " does not offer authentication (no AUTH in " + reply + "), but smtp.username '"
                + settings.username() + "' is set" + origin(SmtpConfig.USERNAME)
                + ": not sending without logging in (" + hint + ")";
    }

    /**
     * Why the batch stops after an attempt ended {@link Outcome#LOGIN_REQUIRED}.
     *
     * @param refusal the attempt's detail, the server's reply
     */
    public MailException loginRequired(String refusal) {
        String remedy;
        if (refusal.toUpperCase(Locale.ROOT).contains("STARTTLS") && settings.security() == SmtpSecurity.NONE) {
            remedy = "it takes mail only over TLS: set smtp.security=starttls";
        } else if (settings.hasUsername()) {
            remedy = "it did not accept the login for '" + settings.username() + "' for sending: check smtp.username"
                    + origin(SmtpConfig.USERNAME) + " and SIGNON_SMTP_PASSWORD";
        } else {
            remedy = "smtp.username is not set: set it, and SIGNON_SMTP_PASSWORD or type the password when asked";
        }
        return new MailException(Kind.PERMISSION, where() + " requires a login (" + refusal + "); " + remedy
                + "; no further message was attempted");
    }

    /** " (signon.properties:3)" when {@code key} was set in a file or the environment, else empty. */
    private String origin(String key) {
        return settings.origins().containsKey(key) ? " (" + settings.describeOrigin(key) + ")" : "";
    }

    /**
     * Sends {@code message} to {@code recipients}; {@code beforeDot} runs just before the final ".".
     * Call {@link #connect()} first: only this class closes the connection, and it reopens it there.
     */
    public Attempt send(MimeMessage message, List<InternetAddress> recipients, Runnable beforeDot) {
        PhasedTransport current = transport;
        try {
            current.send(message, recipients.toArray(new Address[0]), beforeDot);
            return new Attempt(Outcome.ACCEPTED, "");
        } catch (MessagingException | IllegalStateException e) {
            boolean reachedDot = current.phase() == PhasedTransport.Phase.AWAITING_REPLY;
            int code = replyCode(e);
            if (code < 400 || !current.isOpen()) {
                closeQuietly();
            }
            if (requiresLogin(e)) {
                return new Attempt(Outcome.LOGIN_REQUIRED, refusal(e));
            }
            if (code < 400 && reachedDot) {
                return new Attempt(Outcome.UNCERTAIN, "connection lost after the message was sent, before the server replied ("
                        + oneLine(causeMessage(e)) + ")");
            }
            if (code >= 500) {
                return new Attempt(Outcome.FAILED, refusal(e));
            }
            if (code >= 400) {
                return new Attempt(Outcome.RETRY, refusal(e));
            }
            return new Attempt(Outcome.RETRY, "connection lost before the message was complete ("
                    + oneLine(causeMessage(e)) + ")");
        } catch (RuntimeException e) {
            // The journal could not record the intent: the "." was not sent, so nothing was accepted.
            closeQuietly();
            throw e;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (transport == null) {
            return;
        }
        closeQuietly(transport);
        transport = null;
    }

    private static void closeQuietly(PhasedTransport connection) {
        try {
            connection.close();
        } catch (MessagingException | RuntimeException e) {
            // Closing a connection that already failed: the failure was reported where it happened.
        }
    }

    private String user() {
        return settings.hasUsername() ? settings.username() : null;
    }

    private String where() {
        return "SMTP server " + settings.host() + ":" + settings.port();
    }

    private String connectFailure(MessagingException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("STARTTLS")) {
            return where() + " does not offer STARTTLS, which smtp.security=starttls requires ("
                    + settings.describeOrigin(SmtpConfig.SECURITY) + "); use the server's TLS port with smtp.security=ssl";
        }
        Throwable cause = rootCause(e);
        if (cause instanceof SSLException || hasCause(e, SSLException.class)) {
            return "TLS with " + where() + " failed: " + oneLine(cause.getMessage())
                    + " (is smtp.security right? for a private CA or a self-signed certificate, set smtp.truststore)";
        }
        if (cause instanceof UnknownHostException) {
            return "cannot connect to " + where() + ": unknown host (" + settings.describeOrigin(SmtpConfig.HOST) + ")";
        }
        if (cause instanceof ConnectException || cause instanceof SocketTimeoutException) {
            return "cannot connect to " + where() + ": " + oneLine(cause.getMessage());
        }
        return "cannot connect to " + where() + ": " + oneLine(message);
    }

    /** The SMTP reply code behind a failure, or -1 when the connection failed without one. */
    private static int replyCode(Exception e) {
        if (e instanceof SMTPSendFailedException sent) {
            return sent.getReturnCode();
        }
        if (e instanceof SendFailedException failed) {
            int worst = -1;
            for (SMTPAddressFailedException address : addressFailures(failed)) {
                worst = Math.max(worst, recipientCode(address.getReturnCode(), String.valueOf(address.getMessage())));
            }
            return worst;
        }
        return -1;
    }

    /**
     * A reply to RCPT TO as it is to be taken: RFC 5321 4.5.3.1.10 has clients treat 552 there
     * as 452, since older servers said "too many recipients" with it. A server that gives an
     * enhanced status code (RFC 3463) says which it means: 5.5.3 is too many recipients and a
     * 4.x.x code is temporary; anything else (5.2.2 mailbox full) is permanent, and retrying it
     * would only hold the batch up for seven retry delays. A 552 to the data (too big, storage
     * exceeded) is about the message and stays permanent.
     */
    private static int recipientCode(int code, String reply) {
        if (code != 552) {
            return code;
        }
        Matcher enhanced = ENHANCED_STATUS.matcher(reply);
        String status = enhanced.lookingAt() ? enhanced.group(1) : "";
        return status.isEmpty() || status.equals("5.5.3") || status.startsWith("4.") ? 452 : code;
    }

    /**
     * Whether the server answered the message, or one of its recipients, with 530 (authentication
     * required), 534 (mechanism too weak) or 535 (credentials invalid): RFC 4954's replies that
     * no message will get past without a (better) login.
     */
    private static boolean requiresLogin(Exception e) {
        if (e instanceof SMTPSendFailedException sent && isLoginReply(sent.getReturnCode())) {
            return true;
        }
        return e instanceof SendFailedException failed
                && addressFailures(failed).stream().anyMatch(a -> isLoginReply(a.getReturnCode()));
    }

    private static boolean isLoginReply(int code) {
        return code == 530 || code == 534 || code == 535;
    }

    private static String refusal(Exception e) {
        if (e instanceof SendFailedException failed && !(e instanceof SMTPSendFailedException)) {
            List<String> parts = new ArrayList<>();
            for (SMTPAddressFailedException address : addressFailures(failed)) {
                parts.add(address.getAddress().getAddress() + ": " + oneLine(address.getMessage()));
            }
            if (!parts.isEmpty()) {
                return "server refused " + String.join("; ", parts);
            }
        }
        return "server replied " + oneLine(e.getMessage());
    }

    private static List<SMTPAddressFailedException> addressFailures(SendFailedException failed) {
        List<SMTPAddressFailedException> list = new ArrayList<>();
        Exception next = failed;
        while (next != null) {
            if (next instanceof SMTPAddressFailedException address) {
                list.add(address);
            }
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        return list;
    }

    private static String causeMessage(Exception e) {
        Throwable root = rootCause(e);
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable current = e;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private static Properties properties(SmtpSettings settings) {
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", Integer.toString(settings.port()));
        props.put("mail.smtp.auth", Boolean.toString(settings.hasUsername()));
        props.put("mail.smtp.auth.mechanisms", String.join(" ", LOGIN_METHODS));
        props.put("mail.smtp.connectiontimeout", "30000");
        props.put("mail.smtp.timeout", "60000");
        props.put("mail.smtp.writetimeout", "60000");
        props.put("mail.smtp.sendpartial", "false");
        // Also what lets PhasedTransport drop a connection in the middle of DATA without waiting.
        props.put("mail.smtp.quitwait", "false");
        props.put("mail.smtp.ssl.checkserveridentity", "true");
        props.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        switch (settings.security()) {
            case STARTTLS -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            case SSL -> props.put("mail.smtp.ssl.enable", "true");
            case NONE -> props.put("mail.smtp.starttls.enable", "false");
        }
        props.put("mail.smtp.socketFactory", NoDelaySockets.plain());
        if (settings.security() != SmtpSecurity.NONE) {
            // Loading the JDK's trusted certificates takes a noticeable part of a second: only when used.
            SSLSocketFactory tls = settings.truststore()
                    .map(store -> TrustStores.socketFactory(store, settings.truststorePassword(), settings.truststoreType()))
                    .orElseGet(() -> (SSLSocketFactory) SSLSocketFactory.getDefault());
            props.put("mail.smtp.ssl.socketFactory", NoDelaySockets.tls(tls));
        }
        return props;
    }
}
