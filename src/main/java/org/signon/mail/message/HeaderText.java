package org.signon.mail.message;

import org.signon.mail.MailException;
import org.signon.mail.Origin;

/**
 * Guards values that become header fields (names, subject, addresses). A CR or LF in a value
 * would let a CSV cell or front matter add headers or recipients, so every control character
 * is refused rather than stripped: the organizer must see and fix the data.
 */
final class HeaderText {

    private HeaderText() {
    }

    static String requireClean(String value, Origin origin, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                throw MailException.data(origin, what + " contains a control character ("
                        + String.format("U+%04X", (int) c) + "); header values must be one plain line");
            }
        }
        return value;
    }

    /**
     * The value with each control character shown as U+XXXX, as the error line names it, so
     * that the line quoting the value stays one line.
     */
    static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.chars().forEach(c -> {
            if (isControl((char) c)) {
                out.append(String.format("U+%04X", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
