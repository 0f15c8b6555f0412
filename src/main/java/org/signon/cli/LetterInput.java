package org.signon.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.signon.SignonException;
import org.signon.SignonException.Kind;
import org.signon.letter.FrontMatter;
import org.signon.letter.Letter;
import org.signon.letter.LetterReader;
import org.signon.letter.template.LetterTemplate;
import org.signon.signers.SignerField;
import org.signon.signers.SignerLoader;
import org.signon.signers.SignerOptions;
import org.signon.signers.SignerSheet;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every letter command shares: the letter, and where its signers come from. */
final class LetterInput {

    @Parameters(index = "0", paramLabel = "LETTER", description = "The letter: Markdown with YAML front matter.")
    Path letter;

    @Option(names = "--signers", paramLabel = "CSV",
            description = "Signers CSV; overrides front matter 'signers'.")
    Path signers;

    @Option(names = "--column", paramLabel = "FIELD=HEADER",
            description = "Map a signer field (organization, city, state, country, category, "
                    + "confirmed, email, signed) to a CSV header; overrides front matter 'columns'.")
    Map<String, String> columns = new LinkedHashMap<>();

    /** Reads the letter and its signers and compiles the template; throws on any bad input. */
    Campaign load() {
        Letter read = LetterReader.read(letter);
        LetterTemplate template = LetterTemplate.compile(read);
        return new Campaign(read, template, loadSigners(read));
    }

    /** The letter's signers: --signers, else front matter 'signers', with its columns and groups. */
    SignerSheet loadSigners(Letter read) {
        return SignerLoader.load(signersPath(read), signerOptions(read.front()));
    }

    private Path signersPath(Letter read) {
        if (signers != null) {
            return signers;
        }
        String fromFrontMatter = read.front().signers();
        if (fromFrontMatter.isBlank()) {
            throw new SignonException(Kind.USAGE, read.file(), 0, null,
                    "no signers: add 'signers: PATH.csv' to the front matter or pass --signers CSV", null);
        }
        return read.resolve(fromFrontMatter);
    }

    private SignerOptions signerOptions(FrontMatter front) {
        Map<SignerField, String> mapping = new EnumMap<>(SignerField.class);
        front.columns().forEach((field, header) -> mapping.put(field(field), header));
        columns.forEach((field, header) -> mapping.put(field(field), header));
        Locale locale = front.lang().isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(front.lang());
        return new SignerOptions(mapping, front.groups(), locale);
    }

    private static SignerField field(String name) {
        return SignerField.fromKey(name).orElseThrow(() -> new SignonException(Kind.USAGE, null, 0, null,
                "unknown signer field '" + name + "' in --column; use one of " + SignerField.keys(), null));
    }
}
