package org.signon.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.signon.SignonException;
import org.signon.SignonException.Kind;
import org.signon.letter.Format;

/** Parses a --format value, with an error that lists the choices. */
final class Formats {

    private Formats() {
    }

    static Format parse(String value) {
        String key = value.strip().toLowerCase(Locale.ROOT);
        for (Format f : Format.values()) {
            if (f.key().equals(key) || f.extension().equals(key)) {
                return f;
            }
        }
        throw new SignonException(Kind.USAGE, null, 0, null, "unknown format '" + value + "': use "
                + Arrays.stream(Format.values()).map(Format::key).collect(Collectors.joining(", ")), null);
    }
}
