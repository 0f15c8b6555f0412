package org.signon.letter.template;

import com.github.mustachejava.MustacheException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.signon.SignonException.Kind;
import org.signon.letter.LetterException;
import org.signon.signers.Signer;

/** Formats each signer's line of the list: {@code signer_line} when given, else the default. */
final class SignerLines {

    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\n\\s*");

    private SignerLines() {
    }

    /** @param snippet the compiled {@code signer_line}, already checked for unknown tags */
    static List<MarkdownText> format(List<Signer> signers, Optional<CompiledTemplate> snippet, Map<String, Object> base) {
        List<MarkdownText> lines = new ArrayList<>(signers.size());
        for (Signer signer : signers) {
            lines.add(snippet.isPresent() ? evaluate(snippet.get(), signer, base) : defaultLine(signer));
        }
        return lines;
    }

    /** The organization, then {@code (City, State)}, just one of them, or else {@code (Country)}. */
    static MarkdownText defaultLine(Signer signer) {
        String organization = TemplateModel.text(signer.organization()).strip();
        String city = TemplateModel.text(signer.city()).strip();
        String state = TemplateModel.text(signer.state()).strip();
        String country = TemplateModel.text(signer.country()).strip();
        // One builder per line, escaping into it: a list can hold 100,000 lines.
        StringBuilder line = new StringBuilder(organization.length() + city.length() + state.length() + 8);
        MarkdownEscaper.appendEscaped(organization, line);
        if (!city.isEmpty() && !state.isEmpty()) {
            MarkdownEscaper.appendEscaped(city, line.append(" ("));
            MarkdownEscaper.appendEscaped(state, line.append(", "));
            line.append(')');
        } else if (!city.isEmpty() || !state.isEmpty()) {
            MarkdownEscaper.appendEscaped(city.isEmpty() ? state : city, line.append(" ("));
            line.append(')');
        } else if (!country.isEmpty()) {
            MarkdownEscaper.appendEscaped(country, line.append(" ("));
            line.append(')');
        }
        return new MarkdownText(line.toString());
    }

    private static MarkdownText evaluate(CompiledTemplate snippet, Signer signer, Map<String, Object> base) {
        StringWriter out = new StringWriter();
        try {
            snippet.mustache().execute(out, List.of(base, new SignerView(signer, null)));
        } catch (MustacheException e) {
            throw new LetterException(Kind.DATA, snippet.file(), snippet.firstLine(), snippet.field(),
                    "cannot format the signer line of '" + signer.organization() + "': " + e.getMessage(), e);
        }
        // One signer is one list item: a line break inside would end the item or start a new block.
        return new MarkdownText(LINE_BREAKS.matcher(out.toString().strip()).replaceAll(" "));
    }

}
