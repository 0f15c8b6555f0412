package org.signon.letter;

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
 */
public record RenderedLetter(Letter letter, String markdown, int signerCount) {

    public static final String SIGNERS_START = "<!-- signers -->";
    public static final String SIGNERS_END = "<!-- /signers -->";
}
