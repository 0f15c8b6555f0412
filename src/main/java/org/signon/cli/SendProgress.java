package org.signon.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.signon.mail.MessageResult;
import org.signon.mail.OutgoingMessage;
import org.signon.mail.SendListener;

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

    /** A progress bar that redraws in place. */
    private static final class Bar implements Display {

        private final PrintStream err;
        private ProgressBar bar;

        Bar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void started(int total, int toSend) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Sending")
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(err))
                    .setUpdateIntervalMillis(200)
                    .build();
        }

        @Override
        public void retrying(OutgoingMessage message, int attempt, long delayMillis, String reason) {
            bar.setExtraMessage("retrying #" + message.position() + " in " + delayMillis + " ms");
        }

        @Override
        public void finished(MessageResult result) {
            bar.setExtraMessage(result.status().key() + " #" + result.message().position());
            bar.step();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
