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
 * objects), {@code {{x}}} escapes for Markdown instead of HTML, and nothing is ever loaded
 * from disk or the classpath.
 */
final class LetterMustacheFactory extends DefaultMustacheFactory {

    /** The name compiled templates carry; only Mustache.java's own messages use it. */
    private static final String TEMPLATE_NAME = "letter";

    private final boolean signerListAllowed;

    private LetterMustacheFactory(boolean signerListAllowed) {
        super(resource -> null);
        this.signerListAllowed = signerListAllowed;
        setObjectHandler(new MapObjectHandler());
    }

    /**
     * @param signerListAllowed whether {@code {{> signers}}} may appear (the body, not a signer line)
     * @throws MustacheException for a syntax error, carrying the template line
     */
    static Mustache compile(String text, boolean signerListAllowed) {
        return new LetterMustacheFactory(signerListAllowed).compile(new StringReader(text), TEMPLATE_NAME);
    }

    @Override
    public MustacheVisitor createMustacheVisitor() {
        return new LetterMustacheVisitor(this, signerListAllowed);
    }

    @Override
    public void encode(String value, Writer writer) {
        try {
            writer.write(MarkdownEscaper.escape(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
