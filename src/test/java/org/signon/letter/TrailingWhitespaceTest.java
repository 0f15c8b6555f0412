package org.signon.letter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrailingWhitespaceTest {

    @Test
    void endsWithExactlyOneLineBreakLikeStripTrailing() {
        for (String text : new String[] {"", " \n\t ", "text", "text \n\n", "a\u2003\n", "😀 \n", " lead\n"}) {
            assertThat(TrailingWhitespace.replaceWithNewline(new StringBuilder(text)))
                    .as("%s", text).isEqualTo(text.stripTrailing() + "\n");
        }
    }
}
