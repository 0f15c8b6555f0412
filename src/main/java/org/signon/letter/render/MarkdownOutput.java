package org.signon.letter.render;

import java.util.ArrayList;
import java.util.List;
import org.signon.letter.RenderedLetter;

/** The Markdown a user gets: the merged letter without the signer-list marker lines. */
public final class MarkdownOutput {

    private MarkdownOutput() {
    }

    public static String render(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean dropBlank = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.equals(RenderedLetter.SIGNERS_START) || line.equals(RenderedLetter.SIGNERS_END)) {
                // The marker stood between blank lines; keep just one of them.
                dropBlank = lines.isEmpty() || lines.get(lines.size() - 1).isBlank();
                continue;
            }
            if (dropBlank && line.isBlank()) {
                dropBlank = false;
                continue;
            }
            dropBlank = false;
            lines.add(line);
        }
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        return String.join("\n", lines).stripTrailing() + "\n";
    }
}
