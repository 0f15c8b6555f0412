package org.signon.mail.message;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.signon.mail.MailException;
import org.signon.mail.Origin;

/**
 * Parses and validates every address before anything is sent or written: strict RFC 5322
 * syntax (Jakarta Mail's strict parser), one mailbox per value (no groups, no lists), an ASCII
 * address with a domain that has a dot, and no control characters in the name. The result
 * carries its display name so that Jakarta Mail RFC 2047-encodes a non-ASCII name.
 */
public final class Addresses {

    private Addresses() {
    }

    /** Parses {@code Name <addr>} or {@code addr} as written in front matter or on the command line. */
    public static InternetAddress parse(String text, Origin origin) {
        String value = HeaderText.requireClean(text.strip(), origin, "address '" + HeaderText.printable(text) + "'");
        if (value.isEmpty()) {
            throw MailException.data(origin, "empty address");
        }
        InternetAddress parsed;
        try {
            parsed = new InternetAddress(value, true);
            parsed.validate();
        } catch (AddressException e) {
            throw MailException.data(origin, "invalid address '" + value + "': " + several(value, origin).orElse(reason(e)));
        }
        if (parsed.isGroup()) {
            throw MailException.data(origin, "'" + value + "' is a group; write one address per entry");
        }
        return mailbox(parsed.getAddress(), parsed.getPersonal(), origin, value);
    }

    /** An address from separate name and email values, as in a contacts row. */
    public static InternetAddress of(String email, String name, Origin origin) {
        String address = HeaderText.requireClean(email.strip(), origin, "email '" + HeaderText.printable(email) + "'");
        if (address.isEmpty()) {
            throw MailException.data(origin, "empty email");
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (parsed.isGroup() || parsed.getPersonal() != null || !parsed.getAddress().equals(address)) {
                throw MailException.data(origin, "invalid email '" + address + "': write the bare address, without a name or <>");
            }
        } catch (AddressException e) {
            throw MailException.data(origin, "invalid email '" + address + "': " + reason(e));
        }
        return mailbox(address, name == null ? null : name.strip(), origin, address);
    }

    private static InternetAddress mailbox(String address, String name, Origin origin, String written) {
        requireDomain(address, origin, written);
        String personal = name == null || name.isEmpty() ? null
                : HeaderText.requireClean(name, origin, "name '" + HeaderText.printable(name) + "'");
        try {
            return new InternetAddress(address, personal, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static void requireDomain(String address, Origin origin, String written) {
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(address)) {
            throw MailException.data(origin, "invalid address '" + written
                    + "': only ASCII addresses are supported (write a non-ASCII domain in its xn-- form)");
        }
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1);
        if (domain.isEmpty() || domain.startsWith("[") || !domain.contains(".") || domain.endsWith(".")) {
            throw MailException.data(origin, "invalid address '" + written
                    + "': the domain must be a full domain name such as example.org");
        }
    }

    /**
     * What to do about several addresses in one value ("a@example.org, b@example.org"): they are
     * not split here, since a name may hold a comma ("Doe, Jane <jane@example.org>") and a wrong
     * split would write to someone else.
     */
    private static Optional<String> several(String value, Origin origin) {
        try {
            InternetAddress[] parts = InternetAddress.parse(value, true);
            if (parts.length < 2) {
                return Optional.empty();
            }
            // "Doe, Jane <jane@example.org>" splits too, into "Doe" and Jane: a name, not a list.
            for (InternetAddress part : parts) {
                part.validate();
                if (part.isGroup() || !part.getAddress().contains("@")) {
                    return Optional.empty();
                }
            }
        } catch (AddressException e) {
            return Optional.empty();
        }
        if ("from".equals(origin.field())) {
            return Optional.of("several addresses, but there is one sender: write one address");
        }
        return Optional.of(origin.file() == null ? "one address per " + origin.field() + ", repeat the option for each"
                : "several addresses in one entry: write a list, one address per line, each line starting with '- '");
    }

    private static String reason(AddressException e) {
        String message = e.getMessage();
        int in = message == null ? -1 : message.indexOf(" in string ");
        return in < 0 ? String.valueOf(message) : message.substring(0, in);
    }
}
