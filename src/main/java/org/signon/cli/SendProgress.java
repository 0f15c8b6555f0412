package org.signon.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.signon.mail.message.OutgoingMessage;
import org.signon.mail.send.MessageResult;
import org.signon.mail.send.SendListener;

/**
 * Progress of {@code signon send} on standard error: a bar on a terminal, one plain line per
 * message otherwise (logs, CI), nothing with {@code -q}.
 */
final class SendProgress {

    private SendProgress() {
    }

    /** A listener that is closed when the run ends, however it ends. */
    interface Display extends SendListener, AutoCloseable {
        @Override
        void close();
    }

    static Display of(PrintStream err, boolean terminal, boolean quiet) {
        if (quiet) {
            return () -> { };
        }
        return terminal ? new Bar(err) : new Lines(err);
    }

    /** One line per message, for logs. */
    private static final class Lines implements Display {

        private final PrintStream err;
        private int total;
        private int done;

        Lines(PrintStream err) {
            this.err = err;
        }

        @Override
        public void started(int total, int toSend) {
            this.total = total;
            err.println("sending " + toSend + " of " + total + " messages");
        }

        @Override
        public void retrying(OutgoingMessage message, int attempt, long delayMillis, String reason) {
            err.println("retrying #" + message.position() + " in " + delayMillis + " ms (attempt " + attempt + "): " + reason);
        }

        @Override
        public void finished(MessageResult result) {
            done++;
            err.println(result.status().key() + " " + done + "/" + total + " "
                    + String.join(", ", result.message().envelope().toAddresses()));
        }

        @Override
        public void close() {
            err.flush();
        }
    }

    /**
     * A progress bar that redraws in place. A run stopped by Ctrl-C ends the bar's line, marked
     * "stopped", so that the shell's prompt does not start inside a half-drawn bar.
     */
    static final class Bar implements Display {

        private final EndedLine line;
        private final Thread onShutdown = new Thread(this::stop, "signon-progress-shutdown");
        /** Guarded by this. */
        private ProgressBar bar;
        /** Guarded by this: the bar's last line is drawn and ended. */
        private boolean ended;

        Bar(PrintStream err) {
            this.line = new EndedLine(err);
        }

        @Override
        public synchronized void started(int total, int toSend) {
            if (toSend == 0) {
                return; // Every message is skipped: the summary says so, a full bar would say "Sending".
            }
            bar = new ProgressBarBuilder()
                    .setTaskName("Sending")
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(line)
                    .setUpdateIntervalMillis(200)
                    .build();
            Runtime.getRuntime().addShutdownHook(onShutdown);
        }

        @Override
        public synchronized void retrying(OutgoingMessage message, int attempt, long delayMillis, String reason) {
            if (bar != null && !ended) {
                bar.setExtraMessage("retrying #" + message.position() + " in " + delayMillis + " ms");
            }
        }

        @Override
        public synchronized void finished(MessageResult result) {
            if (bar != null && !ended) {
                bar.setExtraMessage(result.status().key() + " #" + result.message().position());
                bar.step();
            }
        }

        /** What the shutdown hook does: the last state, marked stopped, on a line of its own. */
        synchronized void stop() {
            if (bar != null && !ended) {
                bar.setExtraMessage("stopped");
                end();
            }
        }

        @Override
        public synchronized void close() {
            if (bar == null) {
                return;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(onShutdown);
            } catch (IllegalStateException e) {
                // Shutting down already: the hook ends the bar, or has.
            }
            end();
        }

        /** Draws the last state and ends its line, once. */
        private void end() {
            if (!ended) {
                ended = true;
                bar.close();
                line.end();
            }
        }
    }

    /**
     * The console consumer, and whether the line it drew is ended. progressbar 0.10 ends it only
     * when the bar is closed after its first scheduled redraw: a bar closed sooner (a batch of
     * messages all skipped, a login refused at once) would leave the summary or the shell's
     * prompt to start on the bar's line.
     */
    private static final class EndedLine extends ConsoleProgressBarConsumer {

        private final PrintStream err;
        private volatile boolean open;

        EndedLine(PrintStream err) {
            super(err);
            this.err = err;
        }

        @Override
        public void accept(String rendered) {
            super.accept(rendered);
            open = true;
        }

        @Override
        public void close() {
            super.close();
            open = false;
        }

        /** After the bar is closed: ends its line if progressbar did not. */
        void end() {
            if (open) {
                err.println();
                err.flush();
                open = false;
            }
        }
    }
}
