package org.signon.letter.template;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.signon.signers.Signer;

/**
 * A signer as templates see it (every CSV column by header, then the fields, then its line),
 * read straight from the record: a letter with 100,000 signers would otherwise copy every row
 * into a map of its own before rendering, most of them never looked at.
 */
final class SignerView extends AbstractMap<String, Object> {

    private final Signer signer;
    /** The formatted line, or null where there is none yet (while formatting the lines). */
    private final MarkdownText line;

    SignerView(Signer signer, MarkdownText line) {
        this.signer = signer;
        this.line = line;
    }

    @Override
    public boolean containsKey(Object key) {
        return field(key) != null || signer.columns().containsKey(key);
    }

    @Override
    public Object get(Object key) {
        Object field = field(key);
        return field != null ? field : signer.columns().get(key);
    }

    /** Iteration, equality and printing behave exactly like the plain map the view stands for. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> copy = new HashMap<>(TemplateModel.signerFields(signer));
        if (line != null) {
            copy.put(TemplateModel.LINE_TEXT, line);
        }
        return copy.entrySet();
    }

    /** The named field's value, or null when {@code key} is not a field (columns may still have it). */
    private Object field(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        return switch (name) {
            case "organization" -> TemplateModel.text(signer.organization());
            case "city" -> TemplateModel.text(signer.city());
            case "state" -> TemplateModel.text(signer.state());
            case "country" -> TemplateModel.text(signer.country());
            case "category" -> TemplateModel.text(signer.category());
            case TemplateModel.LINE_TEXT -> line;
            default -> null;
        };
    }
}
