package org.signon.signers;

import java.text.CollationKey;
import java.text.Collator;
import java.text.RuleBasedCollator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Alphabetical order as a reader of {@code locale} expects it (É with E, Ñ with N in English),
 * ignoring a leading "The". Names are ordered by their collation keys, then by the full name
 * and the line, so equal names still sort the same way every time.
 *
 * <p>Collation keys are slow to make, so most names are first compared by a table-built
 * primary key ({@link PrimaryKeys}); the collator's own key is made only for the few names
 * where that cannot decide, and then at most once per name.
 */
final class SignerOrder {

    /** A signer with what sorting it needs. */
    static final class Keyed {
        private final Signer signer;
        private final String sortName;
        private final String primary;
        /** The first characters of {@code primary}, so that most comparisons read no string. */
        private final long prefix;
        /** Made on first need and kept: a memo, never observable from outside. */
        private CollationKey collationKey;

        private Keyed(Signer signer, String sortName, String primary) {
            this.signer = signer;
            this.sortName = sortName;
            this.primary = primary;
            this.prefix = primary == null ? 0 : prefix(primary);
        }

        /**
         * Up to four characters, 16 bits each, first one highest: as unsigned numbers these
         * order like the strings do. A shorter key is padded with 0, which no primary weight is.
         */
        private static long prefix(String primary) {
            long prefix = 0;
            for (int i = 0; i < 4; i++) {
                prefix = prefix << 16 | (i < primary.length() ? primary.charAt(i) : 0);
            }
            return prefix;
        }

        Signer signer() {
            return signer;
        }
    }

    private final Collator collator;
    private final PrimaryKeys primaryKeys;

    SignerOrder(Locale locale) {
        collator = Collator.getInstance(locale);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        primaryKeys = collator instanceof RuleBasedCollator rules ? new PrimaryKeys(rules) : null;
    }

    Keyed keyed(Signer signer) {
        String sortName = NameKey.withoutLeadingThe(signer.organization());
        return new Keyed(signer, sortName, primaryKeys == null ? null : primaryKeys.of(sortName));
    }

    /** The signers, sorted; the input is left as it was. */
    List<Signer> sort(List<Keyed> signers) {
        Keyed[] keyed = signers.toArray(new Keyed[0]);
        return sorted(keyed, keyed.length);
    }

    /** Sorts {@code signers[from..to)} in place. */
    void sort(Keyed[] signers, int from, int to) {
        Arrays.sort(signers, from, to, this::compare);
    }

    /**
     * The first {@code size} signers, sorted; the array is sorted in place. Sorted runs in it
     * (see {@link #sort(Keyed[], int, int)}) are merged, not sorted again.
     */
    List<Signer> sorted(Keyed[] signers, int size) {
        sort(signers, 0, size);
        Signer[] result = new Signer[size];
        for (int i = 0; i < size; i++) {
            result[i] = signers[i].signer;
        }
        return List.of(result);
    }

    /** Collated comparison of two names as written, for headings. */
    int compareNames(String a, String b) {
        return collator.compare(a, b);
    }

    /** By collation key, then the full name collated, then as written, then by line. */
    private int compare(Keyed a, Keyed b) {
        int order = compareKeys(a, b);
        if (order == 0) {
            order = collator.compare(a.signer.organization(), b.signer.organization());
        }
        if (order == 0) {
            order = a.signer.organization().compareTo(b.signer.organization());
        }
        return order != 0 ? order : Long.compare(a.signer.line(), b.signer.line());
    }

    private int compareKeys(Keyed a, Keyed b) {
        if (a.primary != null && b.primary != null) {
            if (a.prefix != b.prefix) {
                return Long.compareUnsigned(a.prefix, b.prefix);
            }
            int primary = a.primary.compareTo(b.primary);
            if (primary != 0) {
                return primary;
            }
        }
        return collationKey(a).compareTo(collationKey(b));
    }

    private CollationKey collationKey(Keyed keyed) {
        if (keyed.collationKey == null) {
            keyed.collationKey = collator.getCollationKey(keyed.sortName);
        }
        return keyed.collationKey;
    }
}
