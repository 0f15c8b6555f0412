package org.signon.signers;

import java.util.Locale;

/** The fields signon understands in a signers CSV. Every other column passes through. */
public enum SignerField {
    ORGANIZATION, CITY, STATE, COUNTRY, CATEGORY, CONFIRMED, EMAIL, SIGNED;

    /** The name used in front matter {@code columns:}, {@code --column} and templates. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
