package org.signon.mail.send;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.signon.SignonException;
import org.signon.mail.message.OutgoingMessage;
import org.signon.mail.send.MessageResult.Status;

/**
 * The outcome of a run, message by message, with a summary for people and one for scripts.
 *
 * @param dryRun  true when nothing was sent
 * @param results one per message, in order
 * @param journal the send journal consulted (and written when sending)
 * @param stopped why the run stopped early, or empty
 * @param error   the failure that stopped the run part-way (the journal could not be written, a
 *                message could not be built), to be reported after the summary; empty otherwise
 */
public record SendReport(boolean dryRun, List<MessageResult> results, Optional<Path> journal, String stopped,
        Optional<SignonException> error) {

    public SendReport {
        results = List.copyOf(results);
    }

    /** A report of a run that did not fail part-way. */
    public SendReport(boolean dryRun, List<MessageResult> results, Optional<Path> journal, String stopped) {
        this(dryRun, results, journal, stopped, Optional.empty());
    }

    public long count(Status status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** True when every message was sent now or before (or, in a dry run, would be sent or was sent before). */
    public boolean complete() {
        return results.stream().allMatch(r -> r.status().done());
    }

    /** Distinct addresses among the messages sent (or that would be sent). */
    public int addressCount() {
        Set<String> addresses = new LinkedHashSet<>();
        results.stream()
                .filter(r -> r.status() == Status.SENT || r.status() == Status.WOULD_SEND)
                .forEach(r -> r.message().envelope().recipientAddresses()
                        .forEach(a -> addresses.add(a.toLowerCase(Locale.ROOT))));
        return addresses.size();
    }

    /** The summary for a terminal, one line per message that needs attention. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        long skipped = count(Status.SKIPPED);
        if (dryRun) {
            long planned = count(Status.WOULD_SEND);
            lines.add(messages(planned) + " to " + addresses(addressCount()) + " would be sent. "
                    + "This was a dry run: add --send to send.");
        } else {
            long sent = count(Status.SENT);
            lines.add(sent == 0 && skipped == results.size() && !results.isEmpty()
                    ? "Nothing to send: every message was sent before."
                    : "Sent " + messages(sent) + " to " + addresses(addressCount()) + ".");
        }
        if (skipped > 0) {
            lines.add("Skipped " + skipped + ": already sent with the same content" + recordedElsewhere(Status.SKIPPED) + ".");
        }
        section(lines, Status.UNCERTAIN, "Uncertain (may have been delivered; check, then use --resend-to ADDRESS)");
        section(lines, Status.SKIPPED_UNCERTAIN, "Not sent, uncertain from an earlier run");
        section(lines, Status.SKIPPED_CHANGED, "Not sent, a different version was sent before");
        section(lines, Status.FAILED, "Failed");
        section(lines, Status.NOT_ATTEMPTED, "Not attempted" + (stopped.isEmpty() ? "" : " (" + stopped + ")"));
        journal.ifPresent(j -> lines.add("Journal: " + j));
        return lines;
    }

    /**
     * Where results of {@code status} were found sent, when not in this letter's own journal:
     * after a rename or copy, "sent before" must not read as this file's record.
     */
    private String recordedElsewhere(Status status) {
        Map<Path, Long> byJournal = results.stream()
                .filter(r -> r.status() == status && r.otherJournal().isPresent())
                .collect(Collectors.groupingBy(r -> r.otherJournal().get(), TreeMap::new, Collectors.counting()));
        if (byJournal.isEmpty()) {
            return "";
        }
        long all = count(status);
        return byJournal.entrySet().stream()
                .map(e -> (e.getValue() == all ? "" : e.getValue() + " ") + "as recorded in " + e.getKey())
                .collect(Collectors.joining(", ", ", ",
                        byJournal.size() == 1 ? " (another letter file's journal)" : " (other letter files' journals)"));
    }

    private void section(List<String> lines, Status status, String title) {
        List<MessageResult> matching = results.stream().filter(r -> r.status() == status).toList();
        if (matching.isEmpty()) {
            return;
        }
        lines.add(title + ": " + matching.size());
        for (MessageResult r : matching) {
            String detail = r.detail().isEmpty() || status == Status.NOT_ATTEMPTED ? "" : ": " + r.detail();
            lines.add("  #" + r.message().position() + " " + String.join(", ", r.message().envelope().toAddresses())
                    + " " + r.message().messageId() + detail);
        }
    }

    /** The summary for scripts, as JSON-ready maps and lists; field names are stable. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dry_run", dryRun);
        json.put("complete", complete());
        json.put("messages", results.size());
        for (Status status : Status.values()) {
            json.put(status.key(), count(status));
        }
        json.put("addresses", addressCount());
        json.put("journal", journal.map(Path::toString).orElse(""));
        json.put("stopped", stopped);
        json.put("results", results.stream().map(SendReport::json).toList());
        return json;
    }

    private static Map<String, Object> json(MessageResult r) {
        OutgoingMessage m = r.message();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("position", m.position());
        json.put("status", r.status().key());
        json.put("message_id", m.messageId());
        json.put("to", m.envelope().toAddresses());
        json.put("recipients", m.envelope().recipientAddresses());
        json.put("subject", m.envelope().subject());
        json.put("content_hash", m.contentHash());
        json.put("detail", r.detail());
        return json;
    }

    private static String messages(long n) {
        return n + (n == 1 ? " message" : " messages");
    }

    private static String addresses(long n) {
        return n + (n == 1 ? " address" : " addresses");
    }
}
