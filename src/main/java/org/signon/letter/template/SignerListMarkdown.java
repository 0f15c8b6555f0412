package org.signon.letter.template;

import java.util.Iterator;
import java.util.List;
import org.signon.letter.RenderedLetter;
import org.signon.signers.SignerGroup;
import org.signon.signers.SignerList;

/**
 * The signer list as Markdown between the {@link RenderedLetter#SIGNERS_START} and
 * {@link RenderedLetter#SIGNERS_END} lines: a {@code ## Name} heading for each named group,
 * then one bullet per signer.
 */
final class SignerListMarkdown {

    private SignerListMarkdown() {
    }

    /** @param lines each signer's formatted line, in {@link SignerList#all()} order */
    static MarkdownText of(SignerList signers, List<MarkdownText> lines) {
        StringBuilder out = new StringBuilder(capacity(signers, lines)).append(RenderedLetter.SIGNERS_START).append("\n\n");
        Iterator<MarkdownText> line = lines.iterator();
        for (SignerGroup group : signers.groups()) {
            if (group.signers().isEmpty()) {
                continue;
            }
            String name = TemplateModel.text(group.name()).strip();
            if (!name.isEmpty()) {
                out.append("## ").append(MarkdownEscaper.escape(name)).append("\n\n");
            }
            for (int i = 0; i < group.signers().size(); i++) {
                out.append("- ").append(line.next().markdown()).append('\n');
            }
            out.append('\n');
        }
        return new MarkdownText(out.append(RenderedLetter.SIGNERS_END).toString());
    }

    /** Room for the whole list up front: growing a builder of megabytes copies it again and again. */
    private static int capacity(SignerList signers, List<MarkdownText> lines) {
        long length = 64;
        for (MarkdownText line : lines) {
            length += line.markdown().length() + 3;
        }
        for (SignerGroup group : signers.groups()) {
            length += TemplateModel.text(group.name()).length() + 8;
        }
        return (int) Math.min(length, Integer.MAX_VALUE - 16);
    }
}
