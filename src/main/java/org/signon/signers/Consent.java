package org.signon.signers;

import java.util.List;

/**
 * Reads a consent cell. An empty cell is an unticked box or a test row; a cell whose first
 * word is a "no" is a refusal ("No", "n", "FALSE", "0", "No thanks", "Not yet"). Anything else
 * is consent: "Yes", "x", "1", a tick mark, or the checkbox label that Google Forms exports.
 */
final class Consent {

    private static final List<String> REFUSALS = List.of(
            "no", "n", "false", "f", "0", "off", "not", "nope", "unchecked", "non", "nein");

    private Consent() {
    }

    /** @param cell a cleaned cell value */
    static boolean given(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        int start = 0;
        while (start < cell.length() && !Character.isLetterOrDigit(cell.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < cell.length() && Character.isLetterOrDigit(cell.charAt(end))) {
            end++;
        }
        for (String refusal : REFUSALS) {
            if (refusal.length() == end - start && cell.regionMatches(true, start, refusal, 0, refusal.length())) {
                return false;
            }
        }
        return true;
    }
}
