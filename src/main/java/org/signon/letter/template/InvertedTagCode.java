package org.signon.letter.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.NotIterableCode;
import java.io.Writer;
import java.util.List;

/** {@code {{^x}}...{{/x}}}: shown once when the value is false, empty or an empty list. */
final class InvertedTagCode extends NotIterableCode implements TagCode {

    InvertedTagCode(TemplateContext tc, DefaultMustacheFactory factory, Mustache body, String variable) {
        super(tc, factory, body, variable);
    }

    @Override
    protected Writer execute(Writer writer, Object resolved, List<Object> scopes) {
        return resolved instanceof BlankContactData ? run(writer, scopes) : super.execute(writer, resolved, scopes);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String spelling() {
        return "{{^" + name + "}}";
    }

    @Override
    public int templateLine() {
        return tc.line();
    }
}
