package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValuePoolTest {

    @Test
    void equalValuesShareOneCopy() {
        ValuePool pool = new ValuePool();
        String first = new String("National Organizations");
        String second = new String("National Organizations");

        assertThat(pool.share(first)).isSameAs(first);
        assertThat(pool.share(second)).isSameAs(first);
    }

    @Test
    void columnOfMostlyDistinctValuesStopsBeingPooled() {
        ValuePool pool = new ValuePool();
        for (int i = 0; i < 5000; i++) {
            pool.share("a" + i + "@example.org");
        }
        String late = new String("a1@example.org");

        assertThat(pool.share(late)).isSameAs(late).isEqualTo("a1@example.org");
    }
}
