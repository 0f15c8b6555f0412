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
import org.signon.signers.SignerField;
import org.signon.signers.SignerLoader;
import org.signon.signers.SignerOptions;
import org.signon.signers.SignerSheet;
import picocli.CommandLine.Option;

/** Where a letter's signers come from: --signers and --column over the front matter. */
final class SignerSource {

    @Option(names = "--signers", paramLabel = "CSV",
            description = "Signers CSV; overrides front matter 'signers'.")
    Path signers;

    @Option(names = "--column", paramLabel = "FIELD=HEADER",
            description = "Map a signer field (organization, city, state, country, category, "
                    + "confirmed, email, signed) to a CSV header; overrides front matter 'columns'.")
    Map<String, String> columns = new LinkedHashMap<>();

    /** True when the user gave --signers or --column. */
    boolean given() {
        return signers != null || !columns.isEmpty();
    }

    /** The letter's signers: --signers, else front matter 'signers', with its columns and groups. */
    SignerSheet load(Letter letter) {
        return SignerLoader.load(path(letter), options(letter.front()));
    }

    private Path path(Letter letter) {
        if (signers != null) {
            return signers;
        }
        String fromFrontMatter = letter.front().signers();
        if (fromFrontMatter.isBlank()) {
            throw new SignonException(Kind.USAGE, letter.file(), 0, null,
                    "no signers: add 'signers: PATH.csv' to the front matter or pass --signers CSV", null);
        }
        return letter.resolve(fromFrontMatter, letter.front().lineOf("signers"));
    }

    private SignerOptions options(FrontMatter front) {
        Map<SignerField, String> mapping = new EnumMap<>(SignerField.class);
        front.columns().forEach((field, header) -> mapping.put(field(field), header));
        columns.forEach((field, header) -> mapping.put(field(field), header));
        Locale locale = front.lang().isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(front.lang());
        return new SignerOptions(mapping, front.groups(), locale, front.signersAre());
    }

    /** The --column mappings alone, for signer files read without a letter. */
    Map<SignerField, String> columnsGiven() {
        Map<SignerField, String> mapping = new EnumMap<>(SignerField.class);
        columns.forEach((field, header) -> mapping.put(field(field), header));
        return mapping;
    }

    private static SignerField field(String name) {
        return SignerField.fromKey(name).orElseThrow(() -> new SignonException(Kind.USAGE, null, 0, null,
                "unknown signer field '" + name + "' in --column; use one of " + SignerField.keys(), null));
    }
}
