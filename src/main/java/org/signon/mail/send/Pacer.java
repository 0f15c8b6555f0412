package org.signon.mail.send;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces messages to at most {@code rate} per second ({@code smtp.rate}), as relays such as
 * Amazon SES require; a rate of 0 means no limit.
 */
final class Pacer {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long nextSlot;
    private boolean started;

    Pacer(double rate, LongSupplier nanoTime) {
        this.intervalNanos = rate <= 0 ? 0 : (long) (1_000_000_000L / rate);
        this.nanoTime = nanoTime;
    }

    /** Reserves the next slot and says how long to wait for it. */
    Duration reserve() {
        if (intervalNanos == 0) {
            return Duration.ZERO;
        }
        long now = nanoTime.getAsLong();
        if (!started || now - nextSlot >= 0) {
            started = true;
            nextSlot = now + intervalNanos;
            return Duration.ZERO;
        }
        long wait = nextSlot - now;
        nextSlot += intervalNanos;
        return Duration.ofNanos(wait);
    }
}
