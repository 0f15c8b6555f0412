package org.signon.letter.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.signon.letter.TestSigners.group;
import static org.signon.letter.TestSigners.list;
import static org.signon.letter.TestSigners.signer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.letter.LetterFiles;
import org.signon.letter.LetterReader;
import org.signon.letter.TestSigners;
import org.signon.letter.UnknownTag;
import org.signon.signers.Signer;
import org.signon.signers.SignerList;

/** Signers as templates see them (views) and as the tag check sees them (one shape per list). */
class SignerDataTest {

    @TempDir
    Path dir;

    @Test
    void viewIsTheMapItStandsFor() {
        Signer signer = signer("R*Street Watch", "Austin", "TX", "", "National");
        MarkdownText line = new MarkdownText("R\\*Street Watch (Austin, TX)");
        Map<String, Object> plain = new HashMap<>(TemplateModel.signerFields(signer));
        plain.put(TemplateModel.LINE_TEXT, line);

        SignerView view = new SignerView(signer, line);

        assertThat(view).isEqualTo(plain);
        assertThat(view.toString()).isEqualTo(plain.toString());
        assertThat(view.get("Contact name")).isEqualTo("Contact Person of R*Street Watch");
        assertThat(view.get("organization")).isEqualTo("R*Street Watch");
        assertThat(view.get(TemplateModel.LINE_TEXT)).isEqualTo(line);
        assertThat(view.containsKey("country")).isTrue();
        assertThat(view.containsKey("nope")).isFalse();
        assertThat(new SignerView(signer, null).containsKey(TemplateModel.LINE_TEXT)).isFalse();
    }

    @Test
    void columnsOfAnySignerAreKnownInsideSignerSections() {
        Signer odd = new Signer(3, "Odd Org", "", "", "", "National", Map.of("Only Here", "x"));
        SignerList signers = list(group("National", signer("A Org", "", "", "", "National"), odd));
        LetterTemplate template = template("""
                ---
                ---
                {{#signers}}{{Contact name}} {{Only Here}} {{line_text}} {{typo}}{{/signers}}
                {{#groups}}{{#signers}}{{Comments}} {{Only Here}} {{typo2}}{{/signers}}{{/groups}}
                """);

        assertThat(template.unknownTags(signers)).extracting(UnknownTag::tag).containsExactly("{{typo}}", "{{typo2}}");
        assertThat(template.unknownTags(list())).extracting(UnknownTag::tag)
                .containsExactly("{{Contact name}}", "{{Only Here}}", "{{typo}}", "{{Comments}}", "{{Only Here}}", "{{typo2}}");
    }

    @Test
    void bodiesThatNeverLookAtSignersAreStillChecked() {
        LetterTemplate template = template("---\n---\n{{signer_count}} signed. {{titel}}\n");

        assertThat(template.unknownTags(TestSigners.sample())).extracting(UnknownTag::tag).containsExactly("{{titel}}");
    }

    @Test
    void signerSectionsRenderFromTheViews() {
        String markdown = template("---\n---\n{{#signers}}{{organization}}/{{Contact name}};{{/signers}}\n")
                .render(list(group("", signer("A Org", "", "", "", ""))), Optional.empty()).markdown();

        assertThat(markdown).isEqualTo("A Org/Contact Person of A Org;\n");
    }

    private LetterTemplate template(String text) {
        return LetterTemplate.compile(LetterReader.read(LetterFiles.write(dir, text)));
    }
}
