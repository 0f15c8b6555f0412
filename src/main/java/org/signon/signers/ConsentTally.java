package org.signon.signers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the consent answers that were taken as yes, to point out the ones a person should
 * read: "Board to confirm" counts as consent like any answer that is not a no or a hesitation.
 *
 * <p>A plain yes ("Yes", "x", "1", a tick) needs no look. Neither does a checkbox label
 * ("I confirm that my organization signs on"), which a checkbox column holds in every ticked
 * row: in a column without plain yeses, the one most common answer is taken to be that label.
 * In a column that has plain yeses there is no label, so every other answer is pointed out.
 * An answer that repeats the column's header word for word is the label too, however few rows
 * give it: a form whose question is its one checkbox ("I confirm that my organization signs on
 * to this letter") exports it so.
 */
final class ConsentTally {

    private static final class Count {
        private final long firstLine;
        private int rows;

        Count(long firstLine) {
            this.firstLine = firstLine;
        }
    }

    /** The fewest rows an answer must be given by to be taken for a checkbox label. */
    static final int LABEL_ROWS = 3;

    private final String header;
    private final Map<String, Count> counts = new LinkedHashMap<>();
    /** Cells are pooled, so the same answer usually arrives as the same string. */
    private String lastAnswer;
    private Count lastCount;

    /** @param header the consent column's header */
    ConsentTally(String header) {
        this.header = header.strip();
    }

    /** Counts a consent cell that was taken as yes. */
    void add(String answer, long line) {
        if (answer != lastAnswer) {
            lastCount = counts.computeIfAbsent(answer, a -> new Count(line));
            lastAnswer = answer;
        }
        lastCount.rows++;
    }

    /** Answers counted as yes that are neither a plain yes nor the column's checkbox label, in file order. */
    List<SignerReport.UnusualConsent> unusual() {
        List<SignerReport.UnusualConsent> unusual = new ArrayList<>();
        String label = checkboxLabel();
        counts.forEach((answer, count) -> {
            if (!answer.equals(label) && !answer.strip().equalsIgnoreCase(header) && !Consent.isPlainYes(answer)) {
                unusual.add(new SignerReport.UnusualConsent(count.firstLine, answer, count.rows));
            }
        });
        return unusual;
    }

    /**
     * The answer given by more than two thirds of the rows counted as yes (twice as many as all
     * the others together), when no answer is a plain yes; else null. A checkbox label is in
     * every ticked row; an answer typed in a few rows ("Board to confirm" twice, the label once:
     * a majority) must not pass for it and go unflagged. Taking the label for an answer costs
     * one warning line; taking an answer for the label lists organizations that did not agree.
     * So a list too short to tell (fewer than {@value #LABEL_ROWS} such rows) has no label.
     */
    private String checkboxLabel() {
        String label = null;
        int most = 0;
        long total = 0;
        for (Map.Entry<String, Count> entry : counts.entrySet()) {
            if (Consent.isPlainYes(entry.getKey())) {
                return null;
            }
            int rows = entry.getValue().rows;
            total += rows;
            if (rows > most) {
                label = entry.getKey();
                most = rows;
            }
        }
        return most >= LABEL_ROWS && most > 2L * (total - most) ? label : null;
    }
}
