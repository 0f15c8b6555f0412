package org.signon.signers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts signers under headings: first the groups the letter lists, in its order and spelling;
 * then categories it does not list, alphabetically, under the first spelling seen; last,
 * signers with no category under "Other". Empty groups are left out.
 */
final class SignerGrouping {

    static final String OTHER = "Other";
    private static final String OTHER_KEY = NameKey.of(OTHER);

    /** Signers sharing a category key, under the heading they will print with. */
    private static final class Bucket {
        private final String heading;
        private final List<SignerOrder.Keyed> signers = new ArrayList<>();

        Bucket(String heading) {
            this.heading = heading;
        }
    }

    private SignerGrouping() {
    }

    /**
     * @param signers     in file order
     * @param groups      headings from the letter, in order; empty for an ungrouped list
     * @param hasCategory whether the CSV has a category column
     */
    static List<SignerGroup> group(List<SignerOrder.Keyed> signers, List<String> groups, boolean hasCategory,
            SignerOrder order) {
        if (!hasCategory || groups.isEmpty()) {
            return nonEmpty(List.of(new SignerGroup("", order.sort(signers))));
        }
        Map<String, Bucket> listed = new LinkedHashMap<>();
        for (String group : groups) {
            String heading = TextCleaner.clean(group);
            listed.putIfAbsent(NameKey.of(heading), new Bucket(heading));
        }
        Map<String, Bucket> unlisted = new LinkedHashMap<>();
        List<SignerOrder.Keyed> uncategorized = new ArrayList<>();
        Map<String, String> keyOfCategory = new HashMap<>();
        for (SignerOrder.Keyed keyed : signers) {
            String category = keyed.signer().category();
            String key = keyOfCategory.computeIfAbsent(category, NameKey::of);
            if (key.isEmpty()) {
                uncategorized.add(keyed);
            } else {
                Bucket bucket = listed.get(key);
                if (bucket == null) {
                    bucket = unlisted.computeIfAbsent(key, k -> new Bucket(category));
                }
                bucket.signers.add(keyed);
            }
        }
        return nonEmpty(headings(listed, unlisted, uncategorized, order));
    }

    private static List<SignerGroup> headings(Map<String, Bucket> listed, Map<String, Bucket> unlisted,
            List<SignerOrder.Keyed> uncategorized, SignerOrder order) {
        // Uncategorized signers join a group spelled "Other" if there is one, listed or not.
        Bucket other = listed.get(OTHER_KEY);
        if (other == null) {
            other = unlisted.containsKey(OTHER_KEY) ? unlisted.remove(OTHER_KEY) : new Bucket(OTHER);
        }
        other.signers.addAll(uncategorized);
        List<SignerGroup> result = new ArrayList<>();
        listed.values().forEach(bucket -> result.add(sorted(bucket, order)));
        unlisted.values().stream()
                .sorted((a, b) -> order.compareNames(a.heading, b.heading))
                .forEach(bucket -> result.add(sorted(bucket, order)));
        if (!listed.containsKey(OTHER_KEY)) {
            result.add(sorted(other, order));
        }
        return result;
    }

    private static SignerGroup sorted(Bucket bucket, SignerOrder order) {
        return new SignerGroup(bucket.heading, order.sort(bucket.signers));
    }

    private static List<SignerGroup> nonEmpty(List<SignerGroup> groups) {
        return groups.stream().filter(group -> !group.signers().isEmpty()).toList();
    }
}
