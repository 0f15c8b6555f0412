package org.signon.signers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts signers under headings: first the groups the letter lists, in its order and spelling;
 * then categories it does not list, alphabetically, under the first spelling seen; last,
 * signers with no category under "Other". Empty groups are left out.
 *
 * <p>Signers are added one at a time in file order, while the file is still being read, and
 * each group sorts its newest signers a chunk at a time, while they are still in the processor's
 * cache: the final sort then merges sorted runs instead of sorting a hundred thousand signers
 * scattered across the heap.
 */
final class SignerGrouping {

    static final String OTHER = "Other";
    private static final String OTHER_KEY = NameKey.of(OTHER);
    private static final int CHUNK = 4096;

    /** Signers sharing a category key, under the heading they will print with. */
    private static final class Bucket {
        private final String heading;
        private SignerOrder.Keyed[] signers = new SignerOrder.Keyed[16];
        private int size;
        /** Signers added one by one, and the line of the first: for the report, before any merge. */
        private int added;
        private long firstLine;
        /** Signers before this index are sorted among themselves. */
        private int sortedUpTo;

        Bucket(String heading) {
            this.heading = heading;
        }

        void add(SignerOrder.Keyed keyed, SignerOrder order) {
            if (size == signers.length) {
                signers = Arrays.copyOf(signers, size * 2);
            }
            signers[size++] = keyed;
            if (added++ == 0) {
                firstLine = keyed.signer().line();
            }
            if (size - sortedUpTo == CHUNK) {
                order.sort(signers, sortedUpTo, size);
                sortedUpTo = size;
            }
        }

        void addAll(Bucket other) {
            if (size + other.size > signers.length) {
                signers = Arrays.copyOf(signers, size + other.size);
            }
            System.arraycopy(other.signers, 0, signers, size, other.size);
            size += other.size;
        }

        SignerGroup sorted(SignerOrder order) {
            return new SignerGroup(heading, order.sorted(signers, size));
        }
    }

    private final SignerOrder order;
    /** Whether signers go under headings at all; if not, every signer is in {@link #uncategorized}. */
    private final boolean grouped;
    private final Map<String, Bucket> listed = new LinkedHashMap<>();
    private final Map<String, Bucket> unlisted = new LinkedHashMap<>();
    private final Bucket uncategorized = new Bucket("");
    private final Map<String, String> keyOfCategory = new HashMap<>();

    /**
     * @param groups      headings from the letter, in order; empty for an ungrouped list
     * @param hasCategory whether the CSV has a category column
     */
    SignerGrouping(List<String> groups, boolean hasCategory, SignerOrder order) {
        this.order = order;
        this.grouped = hasCategory && !groups.isEmpty();
        for (String group : groups) {
            String heading = TextCleaner.clean(group);
            listed.putIfAbsent(NameKey.of(heading), new Bucket(heading));
        }
    }

    /** Adds the next signer in file order. */
    void add(SignerOrder.Keyed keyed) {
        if (!grouped) {
            uncategorized.add(keyed, order);
            return;
        }
        String category = keyed.signer().category();
        String key = keyOfCategory.computeIfAbsent(category, NameKey::of);
        if (key.isEmpty()) {
            uncategorized.add(keyed, order);
            return;
        }
        Bucket bucket = listed.get(key);
        if (bucket == null) {
            // The heading for no category is signon's own, however a cell that joins it is spelled.
            bucket = unlisted.computeIfAbsent(key, k -> new Bucket(k.equals(OTHER_KEY) ? OTHER : category));
        }
        bucket.add(keyed, order);
    }

    /**
     * Categories the letter does not list, in file order: each becomes a heading the letter
     * did not plan ("Natl" beside "National Organizations"). "Other" is the heading planned for
     * signers without a category, so a category of that name is not one of them.
     */
    List<SignerReport.UnlistedCategory> unlistedCategories() {
        return unlisted.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(OTHER_KEY))
                .map(Map.Entry::getValue)
                .map(bucket -> new SignerReport.UnlistedCategory(bucket.firstLine, bucket.heading, bucket.added))
                .toList();
    }

    /** The groups in presentation order, each sorted, the empty ones left out. */
    List<SignerGroup> groups() {
        if (!grouped) {
            return nonEmpty(List.of(uncategorized.sorted(order)));
        }
        // Uncategorized signers join a group spelled "Other" if there is one, listed or not.
        Bucket other = listed.get(OTHER_KEY);
        if (other == null) {
            other = unlisted.getOrDefault(OTHER_KEY, new Bucket(OTHER));
        }
        other.addAll(uncategorized);
        List<SignerGroup> result = new ArrayList<>();
        listed.values().forEach(bucket -> result.add(bucket.sorted(order)));
        unlisted.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(OTHER_KEY))
                .map(Map.Entry::getValue)
                .sorted((a, b) -> order.compareNames(a.heading, b.heading))
                .forEach(bucket -> result.add(bucket.sorted(order)));
        if (!listed.containsKey(OTHER_KEY)) {
            result.add(other.sorted(order));
        }
        return nonEmpty(result);
    }

    private static List<SignerGroup> nonEmpty(List<SignerGroup> groups) {
        return groups.stream().filter(group -> !group.signers().isEmpty()).toList();
    }
}
