package org.signon.letter;

import org.signon.io.FileNames;

/**
 * A letter merged with its signers (and recipient), as Markdown. Every output format is made
 * from this one text, so text, HTML, PDF and email always say the same thing.
 *
 * <p>The signer list inside {@code markdown} sits between the lines {@link #SIGNERS_START}
 * and {@link #SIGNERS_END} (HTML comments, invisible in Markdown) so that HTML can style it.
 *
 * @param letter      the source letter (front matter, file for resolving the logo)
 * @param markdown    the merged Markdown document
 * @param signerCount how many signers the list holds
 * @param title       the front matter {@code title} with its tags filled in, as written otherwise
 */
public record RenderedLetter(Letter letter, String markdown, int signerCount, String title) {

    public static final String SIGNERS_START = "<!-- signers -->";
    public static final String SIGNERS_END = "<!-- /signers -->";

    /** A letter whose title is used as written: one without tags in it, or one not filled in. */
    public RenderedLetter(Letter letter, String markdown, int signerCount) {
        this(letter, markdown, signerCount, letter.front().title());
    }

    /** The filled-in title, else the letter file's name without its extension: what to call the letter. */
    public String titleOrName() {
        String stripped = title.strip();
        return stripped.isEmpty() ? FileNames.stem(letter.file()) : stripped;
    }
}
