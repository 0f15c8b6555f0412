package org.signon.signers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The fields signon understands in a signers CSV. Every other column passes through. */
public enum SignerField {
    ORGANIZATION, CITY, STATE, COUNTRY, CATEGORY, CONFIRMED, EMAIL, SIGNED;

    /** The name used in front matter {@code columns:}, {@code --column} and templates. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The field named {@code key} as users write it ({@code organization}), ignoring case and spaces. */
    public static Optional<SignerField> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String wanted = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.key().equals(wanted)).findFirst();
    }

    /** Every key, for messages that list the choices: {@code organization, city, ...}. */
    public static String keys() {
        return Arrays.stream(values()).map(SignerField::key).collect(Collectors.joining(", "));
    }
}
