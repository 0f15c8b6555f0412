package org.signon.letter.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.ValueCode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** {@code {{x}}} (escaped for Markdown) or {@code {{{x}}}}; {@link MarkdownText} goes in as is. */
final class ValueTagCode extends ValueCode implements TagCode {

    ValueTagCode(TemplateContext tc, DefaultMustacheFactory factory, String variable, boolean encoded) {
        super(tc, factory, variable, encoded);
    }

    @Override
    public Writer execute(Writer writer, List<Object> scopes) {
        Object value = get(scopes);
        if (!(value instanceof MarkdownText markdown)) {
            return super.execute(writer, scopes);
        }
        try {
            writer.write(markdown.markdown());
        } catch (IOException e) {
            throw new MustacheException("Failed to write", e, tc);
        }
        return appendText(run(writer, scopes));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String spelling() {
        return encoded ? "{{" + name + "}}" : "{{{" + name + "}}}";
    }

    @Override
    public int templateLine() {
        return tc.line();
    }
}
