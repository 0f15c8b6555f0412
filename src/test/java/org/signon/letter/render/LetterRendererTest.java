package org.signon.letter.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.SignonException.Kind;
import org.signon.letter.Format;
import org.signon.letter.Letter;
import org.signon.letter.LetterFiles;
import org.signon.letter.LetterReader;
import org.signon.letter.RenderedLetter;
import org.signon.letter.TestSigners;
import org.signon.letter.template.LetterTemplate;

class LetterRendererTest {

    @TempDir
    Path dir;

    @Test
    void markdownDropsTheSignerMarkers() {
        String markdown = render("---\ntitle: Hello\n---\nDear friends,\n", Format.MARKDOWN);

        assertThat(markdown).isEqualTo("""
                # Hello

                Dear friends,

                ## National Organizations

                - Example Rights Project (United States)
                - Example Tenants Union (Oakland, CA)

                ## International Organizations

                - Example Privacy e.V. (Berlin)
                """);
    }

    @Test
    void markdownDropsMarkersOfAListPlacedInTheMiddle() {
        String markdown = render("---\n---\nIntro\n\n{{> signers}}\n\nSincerely\n", Format.MARKDOWN);

        assertThat(markdown).startsWith("Intro\n\n## National Organizations\n\n")
                .endsWith("- Example Privacy e.V. (Berlin)\n\nSincerely\n")
                .doesNotContain("<!--");
    }

    @Test
    void textIsTheWholeLetterWrapped() {
        String text = render("""
                ---
                title: Letter to Example Cloud
                date: May 24, 2022
                ---
                Dear Ms. Example,

                **{{signer_count}} organizations** have signed this letter asking Example Cloud to end its \
                agreement to host the database.
                """, Format.TEXT);

        assertThat(text).isEqualTo("""
                Letter to Example Cloud
                =======================

                May 24, 2022

                Dear Ms. Example,

                3 organizations have signed this letter asking Example Cloud to end its
                agreement to host the database.

                National Organizations
                ----------------------

                - Example Rights Project (United States)
                - Example Tenants Union (Oakland, CA)

                International Organizations
                ---------------------------

                - Example Privacy e.V. (Berlin)
                """);
    }

    @Test
    void htmlAndPdfComeFromTheSameMergedLetter() throws Exception {
        RenderedLetter letter = rendered("---\ntitle: Same Letter\n---\nHi\n");

        String html = new String(LetterRenderer.render(letter, Format.HTML), StandardCharsets.UTF_8);
        byte[] pdf = LetterRenderer.render(letter, Format.PDF);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>Same Letter</h1>");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void outputIsUtf8() {
        byte[] bytes = LetterRenderer.render(rendered("---\ntitle: Caf\u00e9 \u4e2d\u6587\n---\nHi\n"), Format.TEXT);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("Caf\u00e9 \u4e2d\u6587\n=======\n");
    }

    private String render(String text, Format format) {
        return new String(LetterRenderer.render(rendered(text), format), StandardCharsets.UTF_8);
    }

    private RenderedLetter rendered(String text) {
        Letter letter = LetterReader.read(LetterFiles.write(dir, text));
        return LetterTemplate.compile(letter).render(TestSigners.sample(), Optional.empty());
    }
}
