package org.signon.signers;

import java.util.Locale;
import java.util.Set;

/**
 * Reads a consent cell. Listing an organization that did not consent is a public claim of
 * endorsement, so only an answer that is neither empty, a refusal nor a hesitation counts:
 * "Yes", "x", "1", a tick mark, or the checkbox label that Google Forms exports.
 *
 * <p>Cells are judged by their first word, or by the whole cell for placeholders: "No thanks"
 * is a refusal, "Pending board approval" a hesitation, "None" (what pandas writes for an empty
 * value) an empty cell.
 */
final class Consent {

    /** What a consent cell says. */
    enum Answer {
        /** Counted as consent. */
        YES,
        /** Empty, or a placeholder a spreadsheet or script writes for "no value". */
        EMPTY,
        /** A refusal: no, n, false, 0, "No thanks", "Not yet", "Declined", "Do not list us". */
        NO,
        /** Neither yes nor no: maybe, pending, TBD, "To be confirmed", "Need board approval", a mark that is not a tick. */
        UNSURE
    }

    private static final Set<String> REFUSALS = Set.of(
            "no", "n", "false", "f", "0", "off", "not", "nope", "nah", "never", "unchecked", "non", "nein",
            "decline", "declined", "declines", "refuse", "refused", "refuses", "withdraw", "withdraws", "withdrew",
            "withdrawn", "dont", "cannot", "unsubscribe", "unsubscribed", "remove", "removed");

    /** First two words of a refusal whose first word alone says nothing: "Do not sign", "Don't". */
    private static final Set<String> REFUSING_PHRASES = Set.of(
            "do not", "does not", "did not", "will not", "don t", "doesn t", "didn t", "can t", "won t",
            "opt out", "opted out");

    /** Whole cells that tools write for a missing value: pandas, SQL exports, Excel's #N/A. */
    private static final Set<String> PLACEHOLDERS = Set.of("none", "null", "nan", "n/a", "na", "#n/a");

    /** Characters that only say "no answer" when a cell is made of nothing else: "-", "--", "?". */
    private static final String PLACEHOLDER_MARKS = "-?.\u2013\u2014_/";

    /** First words of an answer that is not a yes yet. */
    private static final Set<String> HESITATIONS = Set.of(
            "maybe", "perhaps", "pending", "tbd", "tbc", "unsure", "undecided", "later", "awaiting", "waiting",
            "need", "needs");

    /** First two words of a hesitation: "Not sure" (whose first word alone is a refusal), "To be confirmed". */
    private static final Set<String> HESITANT_PHRASES = Set.of("not sure", "not certain", "to be", "on hold");

    /** Answers that say yes and nothing else, compared without case and surrounding punctuation. */
    private static final Set<String> PLAIN_YES = Set.of(
            "yes", "y", "yeah", "yep", "true", "t", "1", "x", "ok", "okay", "on", "checked",
            "agree", "agreed", "i agree", "confirm", "confirmed", "i confirm", "signed",
            "si", "sí", "oui", "ja");

    /** Tick marks, and the variation selector that turns ✔ into an emoji. */
    private static final String TICKS = "\u2713\u2714\u2611\u2705\uFE0F";

    private Consent() {
    }

    /** @param cell a cleaned cell value */
    static Answer read(String cell) {
        if (cell.isEmpty() || isPlaceholder(cell)) {
            return Answer.EMPTY;
        }
        Words words = new Words(cell);
        String first = words.next();
        if (first.isEmpty()) {
            // Marks only: a tick says yes; a cross, an empty box or a thumbs-down does not.
            return isTicks(cell) ? Answer.YES : Answer.UNSURE;
        }
        String phrase = first + " " + words.next();
        if (HESITATIONS.contains(first) || HESITANT_PHRASES.contains(phrase)) {
            return Answer.UNSURE;
        }
        return REFUSALS.contains(first) || REFUSING_PHRASES.contains(phrase) ? Answer.NO : Answer.YES;
    }

    /**
     * An answer that says yes and nothing else: "Yes", "y", "TRUE", "1", "x", "OK", "I agree",
     * a tick mark. Other answers counted as consent are worth a second look.
     */
    static boolean isPlainYes(String cell) {
        String core = stripPunctuation(cell).toLowerCase(Locale.ROOT);
        return PLAIN_YES.contains(core) || !cell.isEmpty() && isTicks(cell);
    }

    private static boolean isPlaceholder(String cell) {
        if (PLACEHOLDERS.contains(cell.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return onlyOf(cell, PLACEHOLDER_MARKS);
    }

    private static boolean isTicks(String cell) {
        return onlyOf(cell, TICKS);
    }

    /** Whether every character of {@code cell} is a space or one of {@code marks}. */
    private static boolean onlyOf(String cell, String marks) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c != ' ' && marks.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** "Yes!" and "(x)" are "yes" and "x". */
    private static String stripPunctuation(String cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && !Character.isLetterOrDigit(cell.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(cell.charAt(end - 1))) {
            end--;
        }
        return cell.substring(start, end);
    }

    /** The words of a cell, lower case: runs of letters and digits. */
    private static final class Words {
        private final String cell;
        private int position;

        Words(String cell) {
            this.cell = cell;
        }

        /** The next word, or "" after the last. */
        String next() {
            while (position < cell.length() && !Character.isLetterOrDigit(cell.charAt(position))) {
                position++;
            }
            int start = position;
            while (position < cell.length() && Character.isLetterOrDigit(cell.charAt(position))) {
                position++;
            }
            return cell.substring(start, position).toLowerCase(Locale.ROOT);
        }
    }
}
