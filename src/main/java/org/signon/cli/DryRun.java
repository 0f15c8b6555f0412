package org.signon.cli;

import jakarta.mail.Session;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.signon.mail.journal.JournalHistory;
import org.signon.mail.message.EmlFiles;
import org.signon.mail.message.MessageBatch;
import org.signon.mail.message.MessagePreview;
import org.signon.mail.message.MimeMessages;
import org.signon.mail.message.OutgoingMessage;
import org.signon.mail.send.MessageResult;
import org.signon.mail.send.PlannedMessage;
import org.signon.mail.send.PlannedMessage.Decision;
import org.signon.mail.send.PlannedMessage.Resend;
import org.signon.mail.send.SendReport;

/**
 * {@code send} without {@code --send}: each message printed, or written as an .eml file, with
 * what a real send would decide for it; nothing connects anywhere.
 *
 * @param out    where the messages (or the files' lines) go
 * @param show   false with -q or --json: only the summary is printed, by the caller
 * @param emlDir the folder for .eml files, or null to print the messages
 */
record DryRun(PrintWriter out, boolean show, Path emlDir) {

    /** Letters rendered and written at a time: a dry run of thousands holds one slice of them. */
    private static final int SLICE = 256;

    /**
     * Renders, plans and shows (or writes) the messages a slice at a time. Addresses and
     * --resend-to were checked before the first slice. The .eml files appear in the folder only
     * once every message was rendered and written: a failure in any slice leaves none of this
     * run's files.
     */
    SendReport run(MessageBatch batch, JournalHistory history, Function<OutgoingMessage, Resend> resend, Path journal) {
        Date now = new Date();
        String dateHeader = MimeMessages.dateHeader(now);
        Session session = MimeMessages.offlineSession();
        List<MessageResult> results = new ArrayList<>(batch.size());
        try (EmlFiles files = emlDir == null ? null : EmlFiles.open(emlDir, batch.size())) {
            for (int from = 0; from < batch.size(); from += SLICE) {
                List<OutgoingMessage> slice = batch.render(from, Math.min(batch.size(), from + SLICE));
                List<PlannedMessage> plan = PlannedMessage.plan(slice, history, resend);
                List<Path> written = files == null ? List.of() : files.writeAll(slice, session, dateHeader);
                for (int i = 0; i < plan.size(); i++) {
                    show(plan.get(i), files == null ? null : written.get(i), batch.size(), now);
                    results.add(result(plan.get(i)));
                }
                out.flush();
            }
            if (files != null) {
                files.publish();
                if (show) {
                    out.println("Wrote " + batch.size() + (batch.size() == 1 ? " .eml file to " : " .eml files to ") + emlDir
                            + olderFilesNote(files.olderFiles()));
                }
            }
        }
        out.flush();
        return new SendReport(true, results, Optional.of(journal).filter(Files::exists), "");
    }

    /** One line per .eml file, or the whole message with its headers. */
    private void show(PlannedMessage planned, Path file, int total, Date now) {
        if (!show) {
            return;
        }
        OutgoingMessage message = planned.message();
        String verdict = planned.decision() == Decision.SEND ? "would send" : "not sent: " + planned.reason();
        if (file != null) {
            out.println(file.getFileName() + "  " + String.join(", ", message.envelope().toAddresses()) + "  (" + verdict + ")");
        } else {
            out.println("=== Message " + message.position() + " of " + total + " (" + verdict + ") ===");
            out.println(MessagePreview.full(message, now));
        }
    }

    private static String olderFilesNote(int older) {
        return older == 0 ? ""
                : "; it also holds " + older + (older == 1 ? " older .eml file" : " older .eml files")
                        + " that this run did not write (delete them to see only this batch)";
    }

    /** The result kept for the summary: who, which Message-ID and hash, not the letter itself. */
    private static MessageResult result(PlannedMessage planned) {
        PlannedMessage kept = new PlannedMessage(planned.message().withoutContent(), planned.decision(), planned.prior());
        return kept.decision() == Decision.SEND
                ? new MessageResult(kept.message(), MessageResult.Status.WOULD_SEND, "")
                : MessageResult.notSending(kept);
    }
}
