package org.signon.mail.message;

import jakarta.mail.internet.InternetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Makes Message-IDs before sending, so that each can be written to the journal and quoted in a
 * report whatever happens to the connection: {@code <time.run.n.signon@from-domain>}, where
 * {@code run} is 96 random bits drawn once per generator and {@code n} counts up, so that IDs
 * are unique across runs and machines without a random draw per message.
 */
public final class MessageIds {

    private final Clock clock;
    private final String run;
    private long count;

    public MessageIds(Clock clock) {
        this.clock = clock;
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        this.run = HexFormat.of().formatHex(bytes);
    }

    public synchronized String next(InternetAddress from) {
        String address = from.getAddress();
        String domain = address.substring(address.lastIndexOf('@') + 1);
        count++;
        return "<" + Long.toString(clock.millis(), 36) + "." + run + "." + count + ".signon@" + domain + ">";
    }
}
