package org.signon.letter.render;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signon.letter.FrontMatter;
import org.signon.letter.Letter;
import org.signon.letter.RenderedLetter;

/**
 * Builds the records a {@link RenderedLetter} needs, and its merged Markdown the way the
 * template writes it: title, date, body, then the signer list between the marker comments,
 * every user value backslash-escaped.
 */
final class HtmlTestLetters {

    private HtmlTestLetters() {
    }

    static FrontMatter front(String title, String lang, String paper, String logo) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        lines.put("title", 2);
        lines.put("lang", 3);
        if (!paper.isEmpty()) {
            lines.put("paper", 4);
        }
        if (!logo.isEmpty()) {
            lines.put("logo", 5);
        }
        return new FrontMatter(title, "May 1, 2026", "", "", List.of(), List.of(), List.of(), List.of(),
                "signers.csv", Map.of(), List.of(), lang, "", paper, logo, "", Map.of(), lines);
    }

    static Letter letter(Path file, FrontMatter front) {
        return new Letter(file, front, "", 8);
    }

    /** Backslash-escapes every ASCII punctuation character, as the template does for values. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A whole merged document: {@code groups} maps heading to signer lines, in order. */
    static String markdown(String title, String body, Map<String, List<String>> groups) {
        StringBuilder md = new StringBuilder();
        if (!title.isEmpty()) {
            md.append("# ").append(escape(title)).append("\n\n");
        }
        md.append("May 1, 2026\n\n").append(body).append("\n\n");
        md.append(RenderedLetter.SIGNERS_START).append("\n\n");
        groups.forEach((group, names) -> {
            if (!group.isEmpty()) {
                md.append("## ").append(escape(group)).append("\n\n");
            }
            for (String name : names) {
                md.append("- ").append(escape(name)).append('\n');
            }
            md.append('\n');
        });
        md.append(RenderedLetter.SIGNERS_END).append('\n');
        return md.toString();
    }

    static RenderedLetter rendered(Path letterFile, FrontMatter front, Map<String, List<String>> groups, String body) {
        int count = groups.values().stream().mapToInt(List::size).sum();
        return new RenderedLetter(letter(letterFile, front), markdown(front.title(), body, groups), count);
    }
}
