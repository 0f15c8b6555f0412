package org.signon.mail.send;

import java.time.Duration;

/** Waits; tests pass one that does not, so that retry back-off costs them nothing. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

    void sleep(Duration duration) throws InterruptedException;
}
