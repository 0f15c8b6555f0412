package org.signon.mail.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.signon.SignonException.Kind;
import org.signon.mail.MailException;

/**
 * A letter sent before whose journal is gone (deleted, or never committed and this is a fresh
 * clone): without it every recipient would get the letter again. The signer-list snapshot a
 * send saves beside the letter ({@code NAME.sent-signers.csv}) is what tells.
 */
public final class LostJournal {

    private LostJournal() {
    }

    /**
     * @param journal       the letter's journal, {@link SendJournal#pathFor}
     * @param snapshot      the signer list as sent, saved by the first send that delivered
     *                      anything and by every full send after it
     * @param others        the other journals found beside the letter and in its work tree
     *                      ({@link SiblingJournals})
     * @param contentHashes the content hash of each message of this run: a letter moved without
     *                      its journal left it behind, and the journal among {@code others} that
     *                      records these very messages is named
     * @return the error (NO_INPUT, naming the journal) when the snapshot is there and the journal
     *         is not, or holds no row (emptied to its header, or a fresh one in its place)
     */
    public static Optional<MailException> check(Path journal, Path snapshot, List<JournalHistory> others,
            List<String> contentHashes) {
        if (!isLost(journal, snapshot)) {
            return Optional.empty();
        }
        String loss = Files.exists(journal) ? "the send journal records no message" : "the send journal is missing";
        String remedy = "restore the journal (from git or a backup) or, to start over on purpose, delete " + snapshot;
        String elsewhere = mostRecorded(contentHashes, others)
                .map(found -> ", and " + found.getKey() + " records " + howMany(found.getValue(), contentHashes.size())
                        + " as sent: if the letter was moved from there,"
                        + " move that journal beside it as " + journal + "; else " + remedy)
                .orElse(": " + remedy);
        return Optional.of(new MailException(Kind.NO_INPUT, journal, 0, loss + ", but " + snapshot
                + " says this letter was sent" + elsewhere));
    }

    /**
     * Whether {@link #check} finds the journal lost, without reading other journals or needing
     * the messages: what a run can ask before it renders them.
     */
    public static boolean isLost(Path journal, Path snapshot) {
        // Only a file is a send's record: something else in its place (a folder) says nothing.
        return Files.isRegularFile(snapshot) && (!Files.exists(journal) || holdsNoRows(journal));
    }

    private static String howMany(int recorded, int total) {
        if (total == 1) {
            return "its message";
        }
        if (recorded == total) {
            return total == 2 ? "both of its messages" : "all " + total + " of its messages";
        }
        return recorded + " of its " + total + " messages";
    }

    /** The journal among {@code others} that records the most of these messages as delivered, and how many. */
    private static Optional<Map.Entry<Path, Integer>> mostRecorded(List<String> contentHashes, List<JournalHistory> others) {
        Map<Path, Integer> counts = new LinkedHashMap<>();
        for (String hash : contentHashes) {
            for (JournalHistory other : others) {
                other.sameContent(hash).filter(PriorDelivery::delivered).flatMap(PriorDelivery::otherJournal)
                        .ifPresent(file -> counts.merge(file, 1, Integer::sum));
            }
        }
        return counts.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a);
    }

    private static boolean holdsNoRows(Path journal) {
        try {
            return SendJournal.holdsNoRows(journal);
        } catch (IOException e) {
            // Not for this check to report: reading the journal for the run names the failure.
            return false;
        }
    }
}
