package org.signon.letter.render;

/**
 * Reads the lines of a part of a Markdown text in place. A signer section can be a hundred
 * thousand lines; splitting it into strings first cost more than reading it.
 */
final class MarkdownLines {

    private final String text;
    private final int to;
    private int at;
    private int end;

    /** @param to the end of the part, just after a line break */
    MarkdownLines(String text, int from, int to) {
        this.text = text;
        this.to = to;
        this.at = from;
        this.end = at < to ? text.indexOf('\n', at) : -1;
    }

    /**
     * Where the line that is exactly {@code marker} starts, or -1 unless {@code marker} occurs
     * in the text once, as a line of its own: with any other copy around, even inside a
     * paragraph, only a full parse can tell which one is the real marker.
     */
    static int onlyLine(String text, String marker) {
        int at = text.indexOf(marker);
        if (at < 0 || text.indexOf(marker, at + 1) >= 0) {
            return -1;
        }
        int after = at + marker.length();
        boolean wholeLine = (at == 0 || text.charAt(at - 1) == '\n')
                && after < text.length() && text.charAt(after) == '\n';
        return wholeLine ? at : -1;
    }

    boolean hasNext() {
        return end >= 0 && end < to;
    }

    boolean nextIsEmpty() {
        return end == at;
    }

    /** Only spaces and tabs: what CommonMark counts as a blank line. */
    boolean nextIsBlank() {
        for (int i = at; i < end; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    boolean nextStartsWith(String prefix) {
        return at + prefix.length() <= end && text.startsWith(prefix, at);
    }

    String text() {
        return text;
    }

    /** Where the next line starts in {@link #text()}. */
    int start() {
        return at;
    }

    /** Where the next line ends (its line break) in {@link #text()}. */
    int end() {
        return end;
    }

    String take() {
        String line = text.substring(at, end);
        skip();
        return line;
    }

    void skip() {
        at = end + 1;
        end = at < to ? text.indexOf('\n', at) : -1;
    }
}
