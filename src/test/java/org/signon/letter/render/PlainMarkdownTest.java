package org.signon.letter.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainMarkdownTest {

    @Test
    void plainTextUndoesEscapesAndRefusesMarkup() {
        assertThat(PlainMarkdown.text("R\\*Street Watch")).isEqualTo("R*Street Watch");
        assertThat(PlainMarkdown.text("\\#1 Org")).isEqualTo("#1 Org");
        assertThat(PlainMarkdown.text("C:\\Users")).isEqualTo("C:\\Users");
        assertThat(PlainMarkdown.text("a\\\\b \\<c>")).isEqualTo("a\\b <c>");
        assertThat(PlainMarkdown.text("escaped \\\\")).isEqualTo("escaped \\");
        assertThat(PlainMarkdown.text("**bold**")).isNull();
        assertThat(PlainMarkdown.text("1. Org")).isNull();
        assertThat(PlainMarkdown.text("ends with \\")).isNull();
        assertThat(PlainMarkdown.text("a & b")).isNull();
        assertThat(PlainMarkdown.text("")).isNull();
        assertThat(PlainMarkdown.text("350.org")).isEqualTo("350.org");
        assertThat(PlainMarkdown.text("2) Second")).isNull();
        assertThat(PlainMarkdown.text("C# Developers! Org   ")).isEqualTo("C# Developers! Org");
        assertThat(PlainMarkdown.text("> Quote")).isNull();
    }
}
