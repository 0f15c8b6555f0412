package org.signon.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AsciiSetTest {

    @Test
    void holdsExactlyItsCharactersOnBothSidesOf64() {
        AsciiSet set = AsciiSet.of("&<`*_[]\\");

        for (char c = 0; c < 0x300; c++) {
            assertThat(set.contains(c)).as("U+%04X", (int) c).isEqualTo("&<`*_[]\\".indexOf(c) >= 0);
        }
    }

    @Test
    void controlsAreBelowSpaceAndDelete() {
        AsciiSet set = AsciiSet.of("").withControls();

        assertThat(set.contains('\n')).isTrue();
        assertThat(set.contains('\u0000')).isTrue();
        assertThat(set.contains('\u007f')).isTrue();
        assertThat(set.contains(' ')).isFalse();
        assertThat(set.contains('~')).isFalse();
        assertThat(set.contains('\u0085')).isFalse();
    }

    @Test
    void refusesNonAscii() {
        assertThatThrownBy(() -> AsciiSet.of("é")).isInstanceOf(IllegalArgumentException.class);
    }
}
