package org.signon.mail;

import jakarta.mail.internet.InternetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Makes Message-IDs before sending, so that each can be written to the journal and quoted in a
 * report whatever happens to the connection: {@code <time.random@from-domain>}.
 */
public final class MessageIds {

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public MessageIds(Clock clock) {
        this.clock = clock;
    }

    public String next(InternetAddress from) {
        String address = from.getAddress();
        String domain = address.substring(address.lastIndexOf('@') + 1);
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "<" + Long.toString(clock.millis(), 36) + "." + HexFormat.of().formatHex(bytes)
                + ".signon@" + domain + ">";
    }
}
