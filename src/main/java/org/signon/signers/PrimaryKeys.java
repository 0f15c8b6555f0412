package org.signon.signers;

import java.text.CollationElementIterator;
import java.text.Normalizer;
import java.text.RuleBasedCollator;
import java.util.BitSet;

/**
 * The primary level of a collation key (base letters only: no accents, no case), built by
 * looking each character up in a table instead of running the collator over the whole name.
 * java.text's collator needs several microseconds per name, which is most of the time spent on
 * a 100,000-row list; most names are Latin, Greek or Cyrillic text that this table covers.
 *
 * <p>This is only a shortcut: when two names' primary keys differ, the collator orders them the
 * same way, because a collator compares base letters before anything else. Equal keys, and
 * names this class cannot key, go to the collator. A character cannot be keyed alone when it
 * may join its neighbour in a contraction ("ch" in Czech, "lj" in Croatian), which is found in
 * the collator's own rules; combining marks and other scripts are left to the collator too.
 */
final class PrimaryKeys {

    /** Latin, Greek and Cyrillic, then General Punctuation (curly apostrophes and quotes). */
    private static final int SCRIPTS_END = 0x0500;
    private static final int PUNCTUATION_START = 0x2000;
    private static final int TABLE_END = 0x2070;

    private final RuleBasedCollator collator;
    private final BitSet contracting;
    /** Memo of each character's primary weights, filled as characters are met; null when unkeyable. */
    private final String[] weights = new String[TABLE_END];
    private final BitSet looked = new BitSet(TABLE_END);

    PrimaryKeys(RuleBasedCollator collator) {
        this.collator = collator;
        this.contracting = contractingCharacters(collator.getRules());
    }

    /** The primary key of {@code name}, or null when the collator must decide. */
    String of(String name) {
        StringBuilder key = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            String primary = weights(name.charAt(i));
            if (primary == null) {
                return null;
            }
            key.append(primary);
        }
        return key.toString();
    }

    private String weights(char c) {
        if (c >= TABLE_END || (c >= SCRIPTS_END && c < PUNCTUATION_START)) {
            return null;
        }
        String known = weights[c];
        if (known != null || looked.get(c)) {
            return known;
        }
        looked.set(c);
        if (keyable(c)) {
            weights[c] = primaryWeights(c);
        }
        return weights[c];
    }

    private boolean keyable(char c) {
        if (Character.isISOControl(c) || Character.isSurrogate(c) || isMark(c) || contracting.get(c)) {
            return false;
        }
        // A precomposed letter decomposes to its base first; that base must not contract either.
        char base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
        return !contracting.get(base);
    }

    private String primaryWeights(char c) {
        CollationElementIterator elements = collator.getCollationElementIterator(String.valueOf(c));
        StringBuilder primary = new StringBuilder(2);
        for (int e = elements.next(); e != CollationElementIterator.NULLORDER; e = elements.next()) {
            int order = CollationElementIterator.primaryOrder(e);
            if (order != 0) {
                primary.append((char) order);
            }
        }
        return primary.toString();
    }

    /**
     * Characters of every contraction in the rules: an entry after a relation ({@code < ; , =})
     * with two or more characters that are not combining marks. A letter followed by marks
     * ("n" and a combining tilde for Spanish ñ) is not one: in NFC text such a pair is a single
     * precomposed character, which the table looks up whole. Reset entries ({@code & SS}) only
     * anchor expansions and are skipped. When in doubt a character is marked: that only makes
     * sorting slower, never wrong.
     */
    static BitSet contractingCharacters(String rules) {
        BitSet marked = new BitSet();
        StringBuilder entry = new StringBuilder();
        boolean relation = false;
        boolean quoted = false;
        for (int i = 0; i < rules.length(); i++) {
            char c = rules.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    entry.append(c);
                }
            } else if (c == '\'') {
                // As java.text reads rules: an opening quote takes the next character literally,
                // even a quote, so three quotes in a row are one apostrophe.
                quoted = true;
                if (i + 1 < rules.length()) {
                    entry.append(rules.charAt(++i));
                }
            } else if (c == '<' || c == ';' || c == ',' || c == '=' || c == '&') {
                markContraction(entry, relation, marked);
                entry.setLength(0);
                relation = c != '&';
            } else if (!Character.isWhitespace(c) && c != '@' && c != '!') {
                entry.append(c);
            }
        }
        markContraction(entry, relation, marked);
        return marked;
    }

    private static void markContraction(CharSequence entry, boolean relation, BitSet marked) {
        if (!relation) {
            return;
        }
        int letters = 0;
        for (int i = 0; i < entry.length(); i++) {
            if (!isMark(entry.charAt(i))) {
                letters++;
            }
        }
        if (letters < 2) {
            return;
        }
        for (int i = 0; i < entry.length(); i++) {
            marked.set(entry.charAt(i));
        }
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
