package org.signon.mail.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What earlier runs sent, as recorded in the journal. Rows for the same Message-ID follow each
 * other (intent, then outcome); the last one counts. A message whose last row is the intent was
 * interrupted and counts as possibly delivered.
 *
 * <p>A history can also consult the journals of other letter files in the same folder
 * ({@link #withOthers(List)}): a renamed or copied letter must not send its content again. They
 * count for the same content only; who got another version is this letter's own journal's
 * business, or a new letter written as an update would be held back.
 */
public final class JournalHistory {

    private final Map<String, List<PriorDelivery>> byHash;
    private final Map<String, PriorDelivery> latestByTo;
    private final int rows;
    private final List<JournalHistory> others;

    JournalHistory(List<JournalEntry> entries) {
        this(entries, Optional.empty());
    }

    /** @param otherJournal the file, when these are the rows of another letter's journal */
    JournalHistory(List<JournalEntry> entries, Optional<Path> otherJournal) {
        this.rows = entries.size();
        this.byHash = new HashMap<>();
        this.latestByTo = new HashMap<>();
        this.others = List.of();
        Map<String, JournalEntry> last = new LinkedHashMap<>();
        for (JournalEntry entry : entries) {
            last.remove(entry.messageId());
            last.put(entry.messageId(), entry);
        }
        for (JournalEntry entry : last.values()) {
            if (entry.status() == JournalStatus.FAILED) {
                continue;
            }
            PriorDelivery prior = new PriorDelivery(entry, entry.status() == JournalStatus.SENT,
                    entry.status() == JournalStatus.SENDING, otherJournal);
            byHash.computeIfAbsent(entry.contentHash(), h -> new ArrayList<>()).add(prior);
            if (otherJournal.isPresent()) {
                continue;
            }
            for (String to : entry.to()) {
                latestByTo.put(to.toLowerCase(Locale.ROOT), prior);
            }
        }
    }

    private JournalHistory(JournalHistory own, List<JournalHistory> others) {
        this.byHash = own.byHash;
        this.latestByTo = own.latestByTo;
        this.rows = own.rows;
        this.others = List.copyOf(others);
    }

    static JournalHistory empty() {
        return new JournalHistory(List.of());
    }

    /**
     * This history, also answering {@link #sameContent(String)} from {@code others}: the
     * journals of other letter files (see {@link SiblingJournals}).
     */
    public JournalHistory withOthers(List<JournalHistory> others) {
        return others.isEmpty() ? this : new JournalHistory(this, others);
    }

    /** Rows in this letter's own journal. */
    public int rows() {
        return rows;
    }

    /**
     * An earlier message with exactly this content: a delivered one if any (this letter's own
     * journal first, then the others'), else an uncertain one (in the same order).
     */
    public Optional<PriorDelivery> sameContent(String contentHash) {
        List<PriorDelivery> own = byHash.getOrDefault(contentHash, List.of());
        Optional<PriorDelivery> delivered = lastDelivered(own);
        for (int i = 0; delivered.isEmpty() && i < others.size(); i++) {
            delivered = lastDelivered(others.get(i).byHash.getOrDefault(contentHash, List.of()));
        }
        if (delivered.isPresent()) {
            return delivered;
        }
        Optional<PriorDelivery> uncertain = last(own);
        for (int i = 0; uncertain.isEmpty() && i < others.size(); i++) {
            uncertain = last(others.get(i).byHash.getOrDefault(contentHash, List.of()));
        }
        return uncertain;
    }

    private static Optional<PriorDelivery> lastDelivered(List<PriorDelivery> list) {
        return list.stream().filter(PriorDelivery::delivered).reduce((a, b) -> b);
    }

    private static Optional<PriorDelivery> last(List<PriorDelivery> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    /** The latest earlier message with other content to any of these To addresses, in this letter's own journal. */
    public Optional<PriorDelivery> otherVersionTo(Collection<String> to, String contentHash) {
        PriorDelivery found = null;
        for (String address : to) {
            PriorDelivery prior = latestByTo.get(address.toLowerCase(Locale.ROOT));
            if (prior != null && !prior.entry().contentHash().equals(contentHash)
                    && (found == null || prior.entry().time().isAfter(found.entry().time()))) {
                found = prior;
            }
        }
        return Optional.ofNullable(found);
    }
}
