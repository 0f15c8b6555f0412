package org.signon.cli;

import org.signon.letter.Letter;
import org.signon.letter.template.LetterTemplate;
import org.signon.signers.SignerSheet;

/** A letter with its compiled template and its cleaned signers, ready to render or send. */
record Campaign(Letter letter, LetterTemplate template, SignerSheet signers) {
}
