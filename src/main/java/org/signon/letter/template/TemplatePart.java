package org.signon.letter.template;

/** Which piece of a letter a template is, which decides what it may contain and how values go in. */
enum TemplatePart {

    /** The Markdown body: values escaped for Markdown, {@code {{> signers}}} allowed. */
    BODY(true, true),
    /** The {@code signer_line} snippet: Markdown, one list item. */
    SIGNER_LINE(false, true),
    /**
     * The front matter {@code title} and {@code subject}: plain text. The subject is a mail
     * header, not Markdown, and the title is escaped where it is used (the {@code #} heading,
     * the HTML {@code <title>}), so values go in as written.
     */
    PLAIN_TEXT(false, false);

    private final boolean signerListAllowed;
    private final boolean markdown;

    TemplatePart(boolean signerListAllowed, boolean markdown) {
        this.signerListAllowed = signerListAllowed;
        this.markdown = markdown;
    }

    boolean signerListAllowed() {
        return signerListAllowed;
    }

    boolean markdown() {
        return markdown;
    }
}
