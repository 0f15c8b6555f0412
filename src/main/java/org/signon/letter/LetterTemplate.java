package org.signon.letter;

import java.util.List;
import java.util.Optional;
import org.signon.signers.SignerList;

/** A letter's body compiled as a strict Mustache template producing Markdown. */
public final class LetterTemplate {

    private LetterTemplate() {
    }

    /** @throws LetterException DATA naming the file and line of a template syntax error */
    public static LetterTemplate compile(Letter letter) {
        throw new UnsupportedOperationException("TODO");
    }

    /** @throws LetterException DATA naming the first unknown tag, its file and line */
    public RenderedLetter render(SignerList signers, Optional<Recipient> recipient) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Every tag naming data that would not exist; {@code recipient.*} counts as known. */
    public List<UnknownTag> unknownTags(SignerList signers) {
        throw new UnsupportedOperationException("TODO");
    }
}
