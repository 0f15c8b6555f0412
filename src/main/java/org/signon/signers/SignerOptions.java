package org.signon.signers;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to read and order a signers CSV.
 *
 * @param columns explicit field-to-header mapping (front matter {@code columns:} and
 *                {@code --column}); fields not named here are found by common header names
 * @param groups  category values in heading order; categories not listed follow alphabetically
 * @param locale  collation locale for ordering (front matter {@code lang}, default {@code en})
 * @param kind    whether the signers are organizations or people (front matter
 *                {@code signers_are}), which decides what makes two rows the same signer
 */
public record SignerOptions(Map<SignerField, String> columns, List<String> groups, Locale locale, SignerKind kind) {

    public SignerOptions {
        columns = Map.copyOf(columns);
        Objects.requireNonNull(locale, "locale");
        groups = List.copyOf(groups);
        Objects.requireNonNull(kind, "kind");
    }

    /** Options for a list of organizations. */
    public SignerOptions(Map<SignerField, String> columns, List<String> groups, Locale locale) {
        this(columns, groups, locale, SignerKind.ORGANIZATIONS);
    }

    public static SignerOptions defaults() {
        return new SignerOptions(Map.of(), List.of(), Locale.ENGLISH);
    }
}
