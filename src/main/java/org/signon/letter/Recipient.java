package org.signon.letter;

import java.util.Map;

/**
 * One contact a personalized letter is rendered for ({@code {{recipient.name}}}).
 *
 * @param fields every column of the contacts row by header ({@code name}, {@code email}, ...)
 * @param line   the physical line of the row in the contacts CSV
 */
public record Recipient(Map<String, String> fields, long line) {

    public Recipient {
        fields = Map.copyOf(fields);
    }

    public String name() {
        return fields.getOrDefault("name", "");
    }

    public String email() {
        return fields.getOrDefault("email", "");
    }
}
