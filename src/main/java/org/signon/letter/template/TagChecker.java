package org.signon.letter.template;

import com.github.mustachejava.Code;
import java.util.ArrayList;
import java.util.List;
import org.signon.letter.UnknownTag;

/**
 * Finds tags naming data that does not exist, by walking a compiled template against the
 * shape of its data. Every branch is visited, including sections a particular render skips,
 * so a typo is caught before the letter that would show it is sent.
 */
final class TagChecker {

    private final CompiledTemplate template;
    private final List<UnknownTag> unknown = new ArrayList<>();
    /** The names inside the unknown tags, in the same order. */
    private final List<String> names = new ArrayList<>();

    private TagChecker(CompiledTemplate template) {
        this.template = template;
    }

    /** @param scopes the data the template runs with, outermost first */
    static List<UnknownTag> check(CompiledTemplate template, List<Object> scopes) {
        TagChecker checker = new TagChecker(template);
        checker.walk(template.mustache().getCodes(), scopes);
        return checker.unknown;
    }

    /** The names inside the tags {@link #check} finds: {@code region}, {@code recipient.title}. */
    static List<String> unknownNames(CompiledTemplate template, List<Object> scopes) {
        TagChecker checker = new TagChecker(template);
        checker.walk(template.mustache().getCodes(), scopes);
        return checker.names;
    }

    private void walk(Code[] codes, List<Object> scopes) {
        if (codes == null) {
            return;
        }
        for (Code code : codes) {
            if (code instanceof TagCode tag) {
                visit(tag, code, scopes);
            }
        }
    }

    private void visit(TagCode tag, Code code, List<Object> scopes) {
        Object value = ModelShape.lookup(scopes, tag.name());
        boolean missing = value == ModelShape.MISSING;
        if (missing) {
            unknown.add(new UnknownTag(tag.spelling(), template.fileLine(tag.templateLine())));
            names.add(tag.name());
        }
        if (code instanceof InvertedTagCode) {
            walk(code.getCodes(), scopes);
        } else if (code instanceof SectionTagCode && !missing) {
            // An empty list of unknown things says nothing about what its items would hold.
            // Inside {{#recipient}} without a contact, the contact's columns are what is unknown:
            // checked as a check checks them, so a letter that passes check renders.
            Object scope = value == ModelShape.ABSENT ? ModelShape.ANY
                    : value instanceof List<?> list ? ModelShape.element(list).orElse(null) : value;
            if (scope != null) {
                walk(code.getCodes(), with(scopes, scope));
            }
        }
    }

    private static List<Object> with(List<Object> scopes, Object scope) {
        List<Object> inner = new ArrayList<>(scopes);
        inner.add(scope);
        return inner;
    }
}
