package org.signon.letter.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signon.letter.TestSigners.group;
import static org.signon.letter.TestSigners.list;
import static org.signon.letter.TestSigners.signer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.signon.letter.Format;
import org.signon.letter.FrontMatter;
import org.signon.letter.Letter;
import org.signon.letter.LetterReader;
import org.signon.letter.RenderedLetter;
import org.signon.letter.render.LetterRenderer;
import org.signon.signers.SignerList;

/** The sample letter shipped in {@code letters/}: it must read, check and render cleanly. */
class SampleLetterTest {

    private static final Path SAMPLE = Path.of("letters/hart-aws.md");

    private static final SignerList SIGNERS = list(
            group("National Organizations",
                    signer("Example Immigrant Justice Network", "", "", "United States", "National Organizations"),
                    signer("R*Street Watch", "", "", "United States", "National Organizations")),
            group("State and Local Organizations",
                    signer("Example Tenants Union", "Oakland", "CA", "United States", "State and Local Organizations")),
            group("International Organizations",
                    signer("Example Privacy e.V.", "Berlin", "", "Germany", "International Organizations")));

    @Test
    void frontMatterHasEverythingASendNeeds() {
        Letter letter = LetterReader.read(SAMPLE);
        FrontMatter front = letter.front();

        assertThat(front.title()).contains("Example Cloud");
        assertThat(front.date()).isEqualTo("May 24, 2022");
        assertThat(front.subject()).isNotBlank().isNotEqualTo(front.title());
        assertThat(front.from()).isEqualTo("Example Coalition <coalition@example.org>");
        assertThat(front.to()).hasSize(2).allMatch(address -> address.endsWith("@example.com>"));
        assertThat(front.cc()).singleElement().asString().endsWith("@example.org>");
        assertThat(front.bcc()).hasSize(1);
        assertThat(front.replyTo()).hasSize(1);
        assertThat(front.groups()).containsExactly(
                "National Organizations", "State and Local Organizations", "International Organizations");
        assertThat(front.columns()).isEmpty();
        assertThat(front.lang()).isEqualTo("en");
        assertThat(front.paper()).isEqualTo("letter");
        assertThat(front.data()).containsOnlyKeys("respond_by");
        assertThat(letter.resolve(front.signers())).isEqualTo(Path.of("signers/hart-aws.csv"));
    }

    @Test
    void bodyHasNoUnknownTags() {
        LetterTemplate template = LetterTemplate.compile(LetterReader.read(SAMPLE));

        assertThat(template.unknownTags(SIGNERS)).isEmpty();
        assertThat(template.placesSignerList()).isFalse();
    }

    @Test
    void rendersAsWrappedTextWithTheSignerListAppended() {
        RenderedLetter rendered = LetterTemplate.compile(LetterReader.read(SAMPLE)).render(SIGNERS, Optional.empty());
        String text = new String(LetterRenderer.render(rendered, Format.TEXT), StandardCharsets.UTF_8);

        assertThat(rendered.signerCount()).isEqualTo(4);
        assertThat(text).contains("4 organizations have signed this letter.", "Please reply by June 21, 2022",
                "- end its agreement to host the HART database and not renew it;", "Sincerely,\nThe undersigned");
        assertThat(text).endsWith("""
                National Organizations
                ----------------------

                - Example Immigrant Justice Network (United States)
                - R*Street Watch (United States)

                State and Local Organizations
                -----------------------------

                - Example Tenants Union (Oakland, CA)

                International Organizations
                ---------------------------

                - Example Privacy e.V. (Berlin)
                """);
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(72));
        assertThat(text).doesNotContain("@example.org>", "Contact Person", "Private comment");
    }
}
