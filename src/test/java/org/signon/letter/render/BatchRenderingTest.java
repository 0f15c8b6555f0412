package org.signon.letter.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signon.letter.TestSigners.group;
import static org.signon.letter.TestSigners.list;
import static org.signon.letter.TestSigners.signer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.letter.Format;
import org.signon.letter.LetterFiles;
import org.signon.letter.LetterReader;
import org.signon.letter.Recipient;
import org.signon.letter.RenderedLetter;
import org.signon.letter.TestSigners;
import org.signon.letter.template.LetterTemplate;
import org.signon.signers.SignerList;

/** A batch renderer reuses the signer section it rendered; each letter must still come out as if rendered alone. */
class BatchRenderingTest {

    private static final String LETTER = """
            ---
            title: Letter to Example Cloud
            lang: en
            ---
            Dear {{recipient.name}},

            As the representative of {{recipient.district}}, please read what the
            {{signer_count}} organizations below ask of you.
            """;

    @TempDir
    Path dir;

    @Test
    void everyRecipientsLetterIsWhatARenderOfItAloneGives() {
        LetterTemplate template = LetterTemplate.compile(LetterReader.read(LetterFiles.write(dir, LETTER)));
        LetterTemplate.Signed signed = template.withSigners(TestSigners.sample());
        LetterRenderer batch = LetterRenderer.forBatch();

        for (int i = 1; i <= 3; i++) {
            RenderedLetter letter = signed.render(Optional.of(recipient("Rep " + i + " Example", "District " + i)));
            assertSameAsAlone(batch, letter);
            assertThat(batch.text(letter)).contains("Dear Rep " + i + " Example,");
        }
    }

    @Test
    void aDifferentSignerListInTheSameBatchIsRenderedAfresh() {
        LetterTemplate template = LetterTemplate.compile(LetterReader.read(LetterFiles.write(dir, LETTER)));
        LetterRenderer batch = LetterRenderer.forBatch();
        SignerList first = list(group("National", signer("First Example Org", "Austin", "TX", "", "National")));
        SignerList second = list(group("National", signer("Second Example Org", "Boise", "ID", "", "National")));

        RenderedLetter one = template.withSigners(first).render(Optional.of(recipient("A Example", "District 1")));
        RenderedLetter two = template.withSigners(second).render(Optional.of(recipient("A Example", "District 1")));

        assertSameAsAlone(batch, one);
        assertSameAsAlone(batch, two);
        assertThat(batch.text(two)).contains("Second Example Org").doesNotContain("First Example Org");
        assertThat(batch.html(two)).contains("Second Example Org").doesNotContain("First Example Org");
    }

    @Test
    void theLetterheadAndBodyImagesAreReadOnceForTheWholeBatch() throws Exception {
        HtmlTestImages.png(dir.resolve("logo.png"));
        HtmlTestImages.png(dir.resolve("map.png"));
        String letter = LETTER.replace("lang: en\n", "lang: en\nlogo: logo.png\n") + "\n![Map](map.png)\n";
        LetterTemplate.Signed signed = LetterTemplate.compile(LetterReader.read(LetterFiles.write(dir, letter)))
                .withSigners(TestSigners.sample());
        LetterRenderer batch = LetterRenderer.forBatch();
        RenderedLetter first = signed.render(Optional.of(recipient("Rep 1 Example", "District 1")));
        assertSameAsAlone(batch, first);

        Files.delete(dir.resolve("logo.png"));
        Files.delete(dir.resolve("map.png"));
        RenderedLetter second = signed.render(Optional.of(recipient("Rep 2 Example", "District 2")));

        assertThat(batch.html(second)).contains("class=\"letterhead\"", "data:image/png;base64,", "Rep 2 Example");
    }

    @Test
    void sharedBetweenThreadsItGivesEachLetterItsOwnText() {
        LetterTemplate template = LetterTemplate.compile(LetterReader.read(LetterFiles.write(dir, LETTER)));
        LetterTemplate.Signed signed = template.withSigners(TestSigners.sample());
        LetterRenderer batch = LetterRenderer.forBatch();

        List<RenderedLetter> letters = IntStream.rangeClosed(1, 200)
                .mapToObj(i -> signed.render(Optional.of(recipient("Rep " + i + " Example", "District " + i))))
                .toList();

        letters.parallelStream().forEach(letter -> assertSameAsAlone(batch, letter));
    }

    private static void assertSameAsAlone(LetterRenderer batch, RenderedLetter letter) {
        assertThat(batch.text(letter)).isEqualTo(utf8(LetterRenderer.render(letter, Format.TEXT)));
        assertThat(batch.html(letter)).isEqualTo(utf8(LetterRenderer.render(letter, Format.HTML)));
        assertThat(batch.bytes(letter, Format.TEXT)).isEqualTo(LetterRenderer.render(letter, Format.TEXT));
    }

    private static Recipient recipient(String name, String district) {
        return new Recipient(Map.of("name", name, "email", "rep@example.com", "district", district), 2);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
