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

    static boolean isControl(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
