package org.signon.letter.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextWrapTest {

    @Test
    void wrapsGreedilyAndKeepsLongWordsWhole() {
        assertThat(TextWrap.wrap("aaa bbb ccc", 7)).containsExactly("aaa bbb", "ccc");
        assertThat(TextWrap.wrap("short averyveryverylongword end", 8))
                .containsExactly("short", "averyveryverylongword", "end");
        assertThat(TextWrap.wrap("one\ntwo", 72)).containsExactly("one", "two");
        assertThat(TextWrap.wrap("", 72)).containsExactly("");
    }

    @Test
    void matchesSplittingOnSpacesAndTabsAfterStripping() {
        List<String> samples = List.of(
                "  lead and trail  ", "tabs\tbetween\t\twords", "a  b   c", "\u2003em space ends\u2003",
                "inside\u2003em space", "emoji 😀😀😀😀 count as one column each", "\n\n", " \n x \n",
                "Müller & Söhne e.V. (Berlin) and a few more words to make it wrap twice over", "\u000Bvt\f");
        for (String sample : samples) {
            for (int width : new int[] {5, 20, 72}) {
                assertThat(TextWrap.wrap(sample, width)).as("%s at %d", sample, width)
                        .isEqualTo(bySplitting(sample, width));
            }
        }
    }

    /** The straightforward definition: split into lines, strip, split into words, fill greedily. */
    private static List<String> bySplitting(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String segment : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int length = 0;
            for (String word : segment.strip().split("[ \\t]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                int wordLength = word.codePointCount(0, word.length());
                if (length > 0 && length + 1 + wordLength > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                    length = 0;
                }
                if (length > 0) {
                    line.append(' ');
                    length++;
                }
                line.append(word);
                length += wordLength;
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
