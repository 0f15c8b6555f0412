package org.signon.cli;

import java.nio.file.Path;
import org.signon.letter.Letter;
import org.signon.letter.LetterReader;
import org.signon.letter.template.LetterTemplate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The options every letter command shares: the letter, and where its signers come from. */
final class LetterInput {

    @Parameters(index = "0", paramLabel = "LETTER", description = "The letter: Markdown with YAML front matter.")
    Path letter;

    @Mixin
    SignerSource signers;

    /** Reads the letter and its signers and compiles the template; throws on any bad input. */
    Campaign load() {
        Letter read = LetterReader.read(letter);
        LetterTemplate template = LetterTemplate.compile(read);
        return new Campaign(read, template, signers.load(read));
    }
}
