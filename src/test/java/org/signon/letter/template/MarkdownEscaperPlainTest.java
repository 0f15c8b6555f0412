package org.signon.letter.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names that need no escaping are passed through; anything else still takes the full path. */
class MarkdownEscaperPlainTest {

    @Test
    void plainNamesComeBackAsTheyAre() {
        String name = "Example Tenants Union (Oakland), e.V. #1 - 350.org";
        assertThat(MarkdownEscaper.escape(name)).isSameAs(name);
    }

    @Test
    void lineBreaksAfterALetterStillEscapeTheNextLineStart() {
        assertThat(MarkdownEscaper.escape("Org\n# Heading")).isEqualTo("Org\n\\# Heading");
        assertThat(MarkdownEscaper.escape("Org\r- item")).isEqualTo("Org\n\\- item");
        assertThat(MarkdownEscaper.escape("Org\n1. First")).isEqualTo("Org\n1\\. First");
        assertThat(MarkdownEscaper.escape("Org <b>")).isEqualTo("Org \\<b>");
    }
}
