package org.signon.mail.send;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.signon.SignonException;
import org.signon.SignonException.Kind;
import org.signon.mail.MailException;
import org.signon.mail.journal.JournalEntry;
import org.signon.mail.journal.JournalStatus;
import org.signon.mail.journal.SendJournal;
import org.signon.mail.message.MimeMessages;
import org.signon.mail.message.OutgoingMessage;
import org.signon.mail.send.MessageResult.Status;
import org.signon.mail.send.PlannedMessage.Decision;
import org.signon.mail.smtp.SmtpClient;
import org.signon.mail.smtp.SmtpSettings;

/**
 * Sends a planned batch over one reused SMTP connection, journaling every message so that it is
 * never sent twice and never lost:
 * <ul>
 * <li>before each attempt an intent row ({@code sending}) is written and forced to disk together
 *     with the previous message's outcome, while the envelope and data go out; the final "."
 *     waits until both are on disk;
 * <li>a 250 reply appends {@code sent}; a lost connection after the "." appends
 *     {@code uncertain} and the message is not retried; any other end of an attempt appends
 *     {@code failed} (not delivered);
 * <li>a 4xx reply (or a 552 to RCPT TO, which RFC 5321 has clients take as 452, "too many
 *     recipients", unless an enhanced status code other than 5.5.3 or 4.x.x says otherwise) is
 *     retried on the same connection (unless the server closed it), a connection lost before
 *     the "." is sent on a new one; after {@code retryDelay}, then twice and four times that (4
 *     attempts in all);
 * <li>a 5xx reply fails that message only; the batch goes on, except for 530, 534 and 535
 *     (authentication required, too weak, invalid): every further message would get the same
 *     answer, so the message is journaled {@code failed} and the run stops with a PERMISSION error.
 * </ul>
 * The run stops early only when the server requires a login it did not get, the login is
 * refused, the server offers no login signon can use though smtp.username is set, the server
 * cannot be reached again, or it put off {@value #DEFERRED_IN_A_ROW} messages in a row until
 * their attempts ran out.
 */
public final class BatchSender {

    static final int MAX_ATTEMPTS = 4;
    /**
     * Messages in a row put off until their attempts ran out that stop the run: a relay at its
     * daily quota ("454 Throttling failure: Daily message quota exceeded") would put off every
     * further one too, seven retry delays each, for hours. The rest wait for the next run.
     */
    static final int DEFERRED_IN_A_ROW = 3;
    /** Messages built ahead of the one being sent (see {@link BuiltAhead}). */
    private static final int BUILT_AHEAD = 4;

    private final SmtpSettings settings;
    private final String password;
    private final SendJournal journal;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DotGate gate;

    /** @param password the SMTP password, or null when {@code settings} has no username */
    public BatchSender(SmtpSettings settings, String password, SendJournal journal, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.password = password;
        this.journal = journal;
        this.sleeper = sleeper;
        this.clock = clock;
        this.gate = new DotGate(journal, clock);
    }

    /**
     * @return the report; when the journal could not be written, a message built, or the server
     *         requires a login part-way, it carries that error in {@link SendReport#error()}
     * @throws MailException PERMISSION or UNAVAILABLE when the first connection fails (nothing
     *                       was sent)
     */
    public SendReport send(List<PlannedMessage> plan, SendListener listener) {
        List<MessageResult> results = new ArrayList<>(plan.size());
        Run run = new Run(new Pacer(settings.rate(), System::nanoTime), listener);
        Thread onShutdown = new Thread(gate::shutDown, "signon-send-shutdown");
        Runtime.getRuntime().addShutdownHook(onShutdown);
        List<OutgoingMessage> sending = plan.stream().filter(p -> p.decision() == Decision.SEND)
                .map(PlannedMessage::message).toList();
        // Built with the run's start as their Date, which deliverOrHalt replaces as each one's turn comes.
        String startDate = MimeMessages.dateHeader(Date.from(clock.instant()));
        try (SmtpClient client = new SmtpClient(settings, password);
                BuiltAhead built = new BuiltAhead(sending,
                        m -> MimeMessages.build(m, client.session(), startDate), BUILT_AHEAD)) {
            if (!sending.isEmpty()) {
                client.connect();
            }
            // After the login: a refused one is the whole story, not a bar stuck at 0%.
            listener.started(plan.size(), sending.size());
            for (PlannedMessage planned : plan) {
                MessageResult result;
                if (planned.decision() != Decision.SEND) {
                    result = MessageResult.notSending(planned);
                } else if (run.stopped != null) {
                    result = new MessageResult(planned.message(), Status.NOT_ATTEMPTED, run.stopped);
                } else {
                    result = deliverOrHalt(client, run, planned.message(), built);
                }
                results.add(result);
                listener.finished(result);
            }
        } finally {
            removeShutdownHook(onShutdown);
        }
        // The last rows reach the disk when the journal's owner closes it.
        return new SendReport(false, results, Optional.of(journal.file()), stopped(run, results),
                Optional.ofNullable(run.error));
    }

    /**
     * Why the run stopped early; empty when it did not, or when the last message was what
     * stopped it and no error came of it (a third put-off message that was the last to send).
     */
    private static String stopped(Run run, List<MessageResult> results) {
        if (run.stopped == null) {
            return "";
        }
        boolean cutShort = results.stream().anyMatch(r -> r.status() == Status.NOT_ATTEMPTED);
        return cutShort || run.error != null ? run.stopped : "";
    }

    /**
     * Delivers {@code message}; a failure before the server took it (the intent row cannot be
     * written, the message cannot be built) stops the run with this message not attempted.
     */
    private MessageResult deliverOrHalt(SmtpClient client, Run run, OutgoingMessage message, BuiltAhead built) {
        try {
            MimeMessage mime = built.take(message);
            // Built up to BUILT_AHEAD messages ago, maybe minutes ago behind a throttled relay.
            MimeMessages.redate(mime, Date.from(clock.instant()));
            return deliver(client, run, message, mime);
        } catch (RuntimeException e) {
            run.halt(e instanceof SignonException s ? s
                    : new MailException(Kind.DATA, "cannot send message " + message.position() + ": " + e.getMessage(), e));
            return new MessageResult(message, Status.NOT_ATTEMPTED, run.stopped);
        }
    }

    /**
     * Records the server's answer; when the journal cannot be written the answer still stands
     * for this message, and the run stops after it.
     */
    private MessageResult journaled(Run run, MessageResult result, JournalStatus status, boolean sync) {
        try {
            journal.append(entry(result.message(), status));
            if (sync) {
                journal.sync();
            }
        } catch (SignonException e) {
            run.halt(e);
        }
        return result;
    }

    private MessageResult deliver(SmtpClient client, Run run, OutgoingMessage message, MimeMessage mime) {
        String lastFailure = "";
        boolean unreachable = false;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                Duration delay = settings.retryDelay().multipliedBy(1L << (attempt - 2));
                run.listener.retrying(message, attempt, delay.toMillis(), lastFailure);
                if (!pause(delay)) {
                    return stop(run, message, "interrupted");
                }
            }
            try {
                client.connect();
            } catch (MailException e) {
                if (e.kind() == Kind.PERMISSION) {
                    // As on the first connection: the login is what is wrong, not the network.
                    run.halt(e);
                    return new MessageResult(message, Status.NOT_ATTEMPTED, run.stopped);
                }
                lastFailure = e.getMessage();
                unreachable = true;
                continue;
            }
            unreachable = false;
            if (!pause(run.pacer.reserve())) {
                return stop(run, message, "interrupted");
            }
            // The intent row goes to disk (with the previous message's outcome) while MAIL FROM,
            // RCPT TO, DATA and the body go out: the server can accept a message only at its
            // final ".", and that waits for the force. So nothing is delivered before its intent
            // and the previous message's record are on disk, one force per message, and the
            // force costs no round trip. A run stopped before the "." has the message closed as
            // not sent by the gate's shutdown hook; killed outright, the intent stays without
            // outcome and counts as possibly delivered, never as not sent.
            if (!gate.start(message)) {
                return stop(run, message, "interrupted");
            }
            SendJournal.Durable intent = journal.syncInBackground();
            SmtpClient.Attempt result;
            try {
                result = client.send(mime, message.envelope().recipients(), () -> {
                    intent.await();
                    gate.passDot();
                });
            } catch (RuntimeException e) {
                closeUndelivered(message);
                throw e;
            }
            gate.close();
            if (result.outcome() != SmtpClient.Outcome.RETRY) {
                run.deferredInARow = 0;
            }
            switch (result.outcome()) {
                case ACCEPTED -> {
                    return journaled(run, new MessageResult(message, Status.SENT, ""), JournalStatus.SENT, false);
                }
                case UNCERTAIN -> {
                    return journaled(run, new MessageResult(message, Status.UNCERTAIN, result.detail()),
                            JournalStatus.UNCERTAIN, true);
                }
                case FAILED -> {
                    return journaled(run, new MessageResult(message, Status.FAILED, result.detail()),
                            JournalStatus.FAILED, false);
                }
                case LOGIN_REQUIRED -> {
                    MessageResult failed = journaled(run, new MessageResult(message, Status.FAILED, result.detail()),
                            JournalStatus.FAILED, false);
                    if (run.error == null) {
                        run.halt(client.loginRequired(result.detail()));
                    }
                    return failed;
                }
                case RETRY -> {
                    // Closes the intent row, so the message does not look interrupted.
                    journal.append(entry(message, JournalStatus.FAILED));
                    lastFailure = result.detail();
                }
            }
        }
        if (unreachable) {
            return stop(run, message, lastFailure);
        }
        if (++run.deferredInARow == DEFERRED_IN_A_ROW) {
            run.stopped = "the server put off " + DEFERRED_IN_A_ROW + " messages in a row, " + MAX_ATTEMPTS
                    + " attempts each (last: " + lastFailure + "), as a relay does at its sending limit; run again later";
        }
        return new MessageResult(message, Status.FAILED, "gave up after " + MAX_ATTEMPTS + " attempts: " + lastFailure
                + tooManyRecipients(lastFailure));
    }

    /**
     * What to do when the server takes fewer recipients per message than this one has (RFC 3463
     * X.5.3; RFC 5321 has servers take at least 100): waiting does not change that, and signon
     * does not split one message over several transactions.
     */
    private static String tooManyRecipients(String failure) {
        return failure.matches("(?s).*\\b\\d{3}[ -][45]\\.5\\.3\\b.*")
                ? " (the server takes fewer recipients per message: spread to, cc and bcc over several letters,"
                        + " or send one message per contact with --contacts)"
                : "";
    }

    /**
     * An attempt broke off with an error of our own (the journal, a bug) before its "." went
     * out: nothing was delivered, so its intent is closed as failed where the journal still
     * takes rows, and the next run sends it instead of holding it back as possibly sent.
     */
    private void closeUndelivered(OutgoingMessage message) {
        if (!gate.close()) {
            return;
        }
        try {
            journal.append(entry(message, JournalStatus.FAILED));
            journal.sync();
        } catch (RuntimeException e) {
            // The journal is what failed: the error being thrown already says so.
        }
    }

    /** Stops the process as if asked to (Ctrl-C) at this moment: what a shutdown hook does. For tests. */
    void shutDownNow() {
        gate.shutDown();
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The process is already ending: the hook is running or has run.
        }
    }

    private MessageResult stop(Run run, OutgoingMessage message, String reason) {
        run.stopped = reason;
        return new MessageResult(message, Status.NOT_ATTEMPTED, reason);
    }

    /** Waits, with the journal on disk first; false when interrupted. */
    private boolean pause(Duration duration) {
        if (duration.isZero()) {
            return true;
        }
        journal.sync();
        try {
            sleeper.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JournalEntry entry(OutgoingMessage message, JournalStatus status) {
        return JournalEntry.of(message, status, clock.instant());
    }

    /** State of one run. */
    private static final class Run {
        final Pacer pacer;
        final SendListener listener;
        String stopped;
        SignonException error;
        /** Messages just before this one whose attempts all ended in a temporary failure. */
        int deferredInARow;

        Run(Pacer pacer, SendListener listener) {
            this.pacer = pacer;
            this.listener = listener;
        }

        void halt(SignonException e) {
            error = e;
            stopped = e.describe();
        }
    }
}
