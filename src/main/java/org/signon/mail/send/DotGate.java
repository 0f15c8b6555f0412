package org.signon.mail.send;

import java.time.Clock;
import org.signon.SignonException.Kind;
import org.signon.mail.MailException;
import org.signon.mail.journal.JournalEntry;
import org.signon.mail.journal.JournalStatus;
import org.signon.mail.journal.SendJournal;
import org.signon.mail.message.OutgoingMessage;

/**
 * Decides, for the message being sent, which comes first: its final "." or the end of the
 * process (Ctrl-C, a kill). The intent row goes to the journal as the message starts, well
 * before its "."; stopping in between would leave it looking possibly delivered, held back from
 * the next run although no server ever took it. Until the gate lets the "." through, a shutdown
 * closes the message as {@code failed} (not delivered) instead. Once the "." is through, only
 * the server knows, and the message stays uncertain.
 */
final class DotGate {

    private final SendJournal journal;
    private final Clock clock;
    /** The message whose intent is written and whose "." is not yet let through; guarded by this. */
    private OutgoingMessage open;
    private boolean shutDown;

    DotGate(SendJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /** Writes the message's intent row; false, writing nothing, when the process is ending. */
    synchronized boolean start(OutgoingMessage message) {
        if (shutDown) {
            return false;
        }
        journal.append(JournalEntry.of(message, JournalStatus.SENDING, clock.instant()));
        open = message;
        return true;
    }

    /**
     * Lets the "." through.
     *
     * @throws MailException TEMPORARY when the process is ending and the message was closed as not sent
     */
    synchronized void passDot() {
        if (open == null) {
            throw new MailException(Kind.TEMPORARY, "stopped before the message was complete; it was not sent");
        }
        open = null;
    }

    /**
     * The attempt is over; its outcome is journaled by the caller.
     *
     * @return true when its "." was never let through (nothing can have been delivered)
     */
    synchronized boolean close() {
        boolean beforeDot = open != null;
        open = null;
        return beforeDot;
    }

    /** For a shutdown hook: closes the open message as not delivered and puts the journal on disk. */
    void shutDown() {
        synchronized (this) {
            shutDown = true;
            if (open != null) {
                journal.append(JournalEntry.of(open, JournalStatus.FAILED, clock.instant()));
                open = null;
            }
        }
        journal.sync();
    }
}
