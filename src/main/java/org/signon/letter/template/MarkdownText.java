package org.signon.letter.template;

/**
 * Template data that is already Markdown (a formatted signer line, the signer list), so that
 * {@code {{line_text}}} inserts it as is instead of escaping its markup a second time.
 */
record MarkdownText(String markdown) {

    static final MarkdownText EMPTY = new MarkdownText("");

    @Override
    public String toString() {
        return markdown;
    }
}
