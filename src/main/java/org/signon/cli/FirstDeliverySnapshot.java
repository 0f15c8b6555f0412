package org.signon.cli;

import org.signon.mail.message.OutgoingMessage;
import org.signon.mail.send.MessageResult;
import org.signon.mail.send.SendListener;

/**
 * Passes every event of a send on to the display, and saves the signer snapshot once, as the
 * first message that may have reached someone is recorded, when the letter has none yet. The
 * snapshot is what tells a lost journal later (a deleted journal, a fresh clone without it), so
 * a test send (--to, --limit) or a run stopped part-way must leave one too, not only a full send.
 */
final class FirstDeliverySnapshot implements SendListener {

    private final SendListener display;
    private final Runnable saveIfAbsent;
    private boolean saved;

    FirstDeliverySnapshot(SendListener display, Runnable saveIfAbsent) {
        this.display = display;
        this.saveIfAbsent = saveIfAbsent;
    }

    @Override
    public void started(int total, int toSend) {
        display.started(total, toSend);
    }

    @Override
    public void retrying(OutgoingMessage message, int attempt, long delayMillis, String reason) {
        display.retrying(message, attempt, delayMillis, reason);
    }

    @Override
    public void finished(MessageResult result) {
        MessageResult.Status status = result.status();
        if (!saved && (status == MessageResult.Status.SENT || status == MessageResult.Status.UNCERTAIN)) {
            saved = true;
            saveIfAbsent.run();
        }
        display.finished(result);
    }
}
