package org.signon.mail.journal;

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
 */
public final class JournalHistory {

    private final Map<String, List<PriorDelivery>> byHash = new HashMap<>();
    private final Map<String, PriorDelivery> latestByTo = new HashMap<>();
    private final int rows;

    JournalHistory(List<JournalEntry> entries) {
        this.rows = entries.size();
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
                    entry.status() == JournalStatus.SENDING);
            byHash.computeIfAbsent(entry.contentHash(), h -> new ArrayList<>()).add(prior);
            for (String to : entry.to()) {
                latestByTo.put(to.toLowerCase(Locale.ROOT), prior);
            }
        }
    }

    public static JournalHistory empty() {
        return new JournalHistory(List.of());
    }

    public int rows() {
        return rows;
    }

    /** An earlier message with exactly this content: the delivered one if any, else an uncertain one. */
    public Optional<PriorDelivery> sameContent(String contentHash) {
        List<PriorDelivery> list = byHash.getOrDefault(contentHash, List.of());
        return list.stream().filter(PriorDelivery::delivered).reduce((a, b) -> b)
                .or(() -> list.stream().reduce((a, b) -> b));
    }

    /** The latest earlier message with other content to any of these To addresses. */
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
