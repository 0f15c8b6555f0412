package org.signon.letter;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Builds template data from front matter nodes: only plain YAML types (SafeConstructor), with
 * dates and numbers kept as the text the user wrote, nulls as empty text and everything immutable.
 */
final class FrontMatterConstructor extends SafeConstructor {

    /** Deeper than any sensible letter data; also stops a YAML alias that contains itself. */
    private static final int MAX_DEPTH = 32;

    FrontMatterConstructor(LoaderOptions options) {
        super(options);
        // An unquoted 2022-05-24 is a timestamp in YAML; a letter wants it printed as written.
        this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        // Likewise numbers: YAML 1.1 reads zip: 02134 as octal 1116 and price: 1.50 as 1.5.
        this.yamlConstructors.put(Tag.INT, new ConstructYamlStr());
        this.yamlConstructors.put(Tag.FLOAT, new ConstructYamlStr());
        // A key written twice in nested data would otherwise silently keep the last value.
        setAllowDuplicateKeys(false);
    }

    /** @throws TooDeep when the value nests deeper than {@link #MAX_DEPTH} */
    Object construct(Node node) {
        return templateValue(constructObject(node), 0);
    }

    private static Object templateValue(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new TooDeep();
        }
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new HashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), templateValue(v, depth + 1)));
            return Map.copyOf(copy);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(v -> templateValue(v, depth + 1)).toList();
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value;
    }

    /** Data nested deeper than a template could sensibly use. */
    static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }
}
