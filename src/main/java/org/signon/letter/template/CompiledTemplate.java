package org.signon.letter.template;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signon.SignonException.Kind;
import org.signon.letter.LetterException;

/**
 * A piece of a letter file compiled as Mustache (the body, the {@code signer_line} snippet, the
 * {@code title} or the {@code subject}),
 * with what it takes to point at the letter-file line of one of its tags.
 *
 * @param mustache  the compiled template
 * @param file      the letter file
 * @param firstLine the letter-file line where the template text starts
 * @param field     the front matter key the text came from, or null for the body
 */
record CompiledTemplate(Mustache mustache, Path file, int firstLine, String field) {

    private static final Pattern MISMATCH = Pattern.compile("Mismatched start/end tags: (.*) != (.*?) in .*");
    private static final Pattern UNCLOSED = Pattern.compile("Failed to close '(.*)' tag");
    private static final Pattern LOCATION = Pattern.compile(" @\\[[^\\]]*\\]$");

    /** @throws LetterException DATA naming the letter-file line of a syntax error */
    static CompiledTemplate compile(String text, Path file, int firstLine, String field, TemplatePart part) {
        try {
            return new CompiledTemplate(LetterMustacheFactory.compile(text, part), file, firstLine, field);
        } catch (MustacheException e) {
            TemplateContext context = e.getContext();
            int line = context == null ? firstLine : firstLine + context.line() - 1;
            String where = field == null ? "template error: " : "template error in '" + field + "': ";
            throw new LetterException(Kind.DATA, file, line, field, where + explain(e), e);
        }
    }

    /**
     * The text with its tags filled in from {@code scopes} (outermost first), whose tags were
     * already checked by {@link TagChecker}.
     *
     * @throws LetterException DATA naming the letter-file line where filling in failed
     */
    String fill(List<Object> scopes) {
        StringWriter out = new StringWriter();
        try {
            mustache.execute(out, scopes);
        } catch (MustacheException e) {
            long line = e.getContext() == null ? firstLine : fileLine(e.getContext().line());
            throw new LetterException(Kind.DATA, file, line, field, "cannot fill in the template: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** The letter-file line of a template line. */
    long fileLine(int templateLine) {
        return firstLine + templateLine - 1L;
    }

    private static String explain(MustacheException e) {
        String message = LOCATION.matcher(String.valueOf(e.getMessage())).replaceFirst("");
        Matcher mismatch = MISMATCH.matcher(message);
        if (mismatch.matches()) {
            return mismatch.group(1).equals("null")
                    ? "'{{/" + mismatch.group(2) + "}}' closes a section that was never opened"
                    : "section '{{#" + mismatch.group(1) + "}}' is closed by '{{/" + mismatch.group(2) + "}}'";
        }
        Matcher unclosed = UNCLOSED.matcher(message);
        if (unclosed.matches()) {
            return "section '{{#" + unclosed.group(1) + "}}' is never closed with '{{/" + unclosed.group(1) + "}}'";
        }
        if (message.startsWith("Improperly closed variable")) {
            return "a tag is not closed with '}}'";
        }
        if (message.equals("Empty mustache")) {
            return "empty tag '{{}}'";
        }
        return message;
    }
}
