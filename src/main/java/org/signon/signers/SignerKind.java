package org.signon.signers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who signs a letter, front matter {@code signers_are}. It decides when two rows are the same
 * signer: organizations by name, since a resubmission comes from another staff member with
 * another email; people by email, since thousands of people include several of one name.
 */
public enum SignerKind {
    ORGANIZATIONS, PEOPLE;

    /** The value as written in front matter: {@code organizations}, {@code people}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind written {@code value}, ignoring case and surrounding spaces. */
    public static Optional<SignerKind> fromKey(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.key().equals(wanted)).findFirst();
    }
}
