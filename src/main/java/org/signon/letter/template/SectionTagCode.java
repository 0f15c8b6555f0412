package org.signon.letter.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.IterableCode;
import java.io.Writer;
import java.util.List;

/** {@code {{#x}}...{{/x}}}: repeated for each item of a list, once for a true value. */
final class SectionTagCode extends IterableCode implements TagCode {

    SectionTagCode(TemplateContext tc, DefaultMustacheFactory factory, Mustache body, String variable) {
        super(tc, factory, body, variable);
    }

    @Override
    protected Writer execute(Writer writer, Object resolved, List<Object> scopes) {
        return resolved instanceof BlankContactData ? writer : super.execute(writer, resolved, scopes);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String spelling() {
        return "{{#" + name + "}}";
    }

    @Override
    public int templateLine() {
        return tc.line();
    }
}
