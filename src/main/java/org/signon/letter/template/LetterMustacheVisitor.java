package org.signon.letter.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;

/**
 * Builds letter templates from Mustache.java's parser: tags become {@link TagCode}s that the
 * strictness check can walk, {@code {{> signers}}} becomes the signer list, and features a
 * letter has no use for (other partials, inheritance, pragmas, dynamic names) are errors
 * instead of silent surprises.
 */
final class LetterMustacheVisitor extends DefaultMustacheVisitor {

    /** The model key holding the signer list; no tag can spell it, since {@code {{> signers}}} is a partial. */
    static final String SIGNER_LIST_KEY = "> signers";

    private final boolean signerListAllowed;

    LetterMustacheVisitor(DefaultMustacheFactory factory, boolean signerListAllowed) {
        super(factory);
        this.signerListAllowed = signerListAllowed;
    }

    @Override
    public void value(TemplateContext tc, String variable, boolean encoded) {
        checkName(tc, variable);
        list.add(new ValueTagCode(tc, df, variable, encoded));
    }

    @Override
    public void iterable(TemplateContext tc, String variable, Mustache mustache) {
        checkName(tc, variable);
        list.add(new SectionTagCode(tc, df, mustache, variable));
    }

    @Override
    public void notIterable(TemplateContext tc, String variable, Mustache mustache) {
        checkName(tc, variable);
        list.add(new InvertedTagCode(tc, df, mustache, variable));
    }

    @Override
    public void partial(TemplateContext tc, String variable, String indent) {
        if (!signerListAllowed || !variable.equals("signers")) {
            throw new MustacheException("unknown partial '{{> " + variable + "}}'"
                    + (signerListAllowed ? " (the only one is {{> signers}})" : ""), tc);
        }
        list.add(new ValueTagCode(tc, df, SIGNER_LIST_KEY, false));
    }

    @Override
    public void dynamicPartial(TemplateContext tc, String variable, String indent) {
        throw new MustacheException("dynamic partials are not supported", tc);
    }

    @Override
    public void extend(TemplateContext tc, String variable, Mustache mustache) {
        throw unsupported(tc, "{{<" + variable + "}}");
    }

    @Override
    public void name(TemplateContext tc, String variable, Mustache mustache) {
        throw unsupported(tc, "{{$" + variable + "}}");
    }

    @Override
    public void checkName(TemplateContext tc, String variable, Mustache mustache) {
        throw unsupported(tc, "{{?" + variable + "}}");
    }

    @Override
    public void pragma(TemplateContext tc, String pragma, String args) {
        throw unsupported(tc, "{{%" + pragma + "}}");
    }

    private static void checkName(TemplateContext tc, String variable) {
        if (variable.startsWith("*")) {
            throw new MustacheException("dynamic names like '" + variable + "' are not supported", tc);
        }
    }

    private static MustacheException unsupported(TemplateContext tc, String tag) {
        return new MustacheException("'" + tag + "' is not supported in letters", tc);
    }
}
