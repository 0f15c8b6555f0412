package org.signon.mail.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pacing arithmetic, on a clock the test moves by hand. */
class PacerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void noRateMeansNoWaiting() {
        Pacer pacer = new Pacer(0, now::get);
        assertThat(pacer.reserve()).isZero();
        assertThat(pacer.reserve()).isZero();
    }

    @Test
    void spacesMessagesByTheRate() {
        Pacer pacer = new Pacer(4, now::get);

        assertThat(pacer.reserve()).isZero();
        assertThat(pacer.reserve()).isEqualTo(Duration.ofMillis(250));
        assertThat(pacer.reserve()).isEqualTo(Duration.ofMillis(500));
        now.addAndGet(Duration.ofMillis(600).toNanos());
        assertThat(pacer.reserve()).isEqualTo(Duration.ofMillis(150));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(pacer.reserve()).as("time spent elsewhere is not made up for").isZero();
    }
}
