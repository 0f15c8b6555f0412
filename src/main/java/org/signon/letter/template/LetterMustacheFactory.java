package org.signon.letter.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.reflect.MapObjectHandler;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Mustache.java set up for letters: data is looked up in maps only (no reflection on Java
 * objects), {@code {{x}}} escapes for Markdown instead of HTML (or, in the plain-text title and
 * subject, not at all), and nothing is ever loaded from disk or the classpath.
 */
final class LetterMustacheFactory extends DefaultMustacheFactory {

    /** The name compiled templates carry; only Mustache.java's own messages use it. */
    private static final String TEMPLATE_NAME = "letter";

    private final TemplatePart part;

    private LetterMustacheFactory(TemplatePart part) {
        super(resource -> null);
        this.part = part;
        setObjectHandler(new MapObjectHandler());
    }

    /**
     * @param part which piece of the letter the text is: where {@code {{> signers}}} may appear
     *             and whether values are escaped for Markdown
     * @throws MustacheException for a syntax error, carrying the template line
     */
    static Mustache compile(String text, TemplatePart part) {
        return new LetterMustacheFactory(part).compile(new StringReader(text), TEMPLATE_NAME);
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
        return new LetterMustacheVisitor(this, part.signerListAllowed());
    }

    @Override
    public void encode(String value, Writer writer) {
        try {
            writer.write(part.markdown() ? MarkdownEscaper.escape(value) : value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
