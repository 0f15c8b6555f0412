package org.signon.letter.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What names a template may use, worked out from the data rather than by running it: a list is
 * represented by one element that has every key any of its elements has, so a tag inside
 * {@code {{#signers}}} is checked once, and also inside sections that a given render skips.
 *
 * <p>Lookups mirror Mustache.java's {@code MapObjectHandler}: the innermost scope holding the
 * first part of a dotted name wins, and the remaining parts must exist inside it.
 */
final class ModelShape {

    /** A value whose keys are not known yet but will exist (contacts, during {@code check}). */
    static final Object ANY = new Object() {
        @Override
        public String toString() {
            return "any";
        }
    };

    /**
     * A name that exists but holds nothing in this render: the recipient, when a letter is
     * rendered without a contact. Nothing can be looked up inside it, so {@code {{recipient.name}}}
     * is unknown there; a section on it shows nothing, and {@link TagChecker} checks the
     * section's inside as it does for {@link #ANY}, the contact whose columns are not known.
     */
    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "absent";
        }
    };

    /** What {@link #lookup} returns when no scope has the name. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "missing";
        }
    };

    private ModelShape() {
    }

    /** The value {@code name} resolves to, innermost scope first, or {@link #MISSING}. */
    static Object lookup(List<Object> scopes, String name) {
        if (name.equals(".")) {
            return scopes.isEmpty() ? MISSING : scopes.get(scopes.size() - 1);
        }
        int dot = name.indexOf('.');
        String first = dot < 0 ? name : name.substring(0, dot);
        for (int i = scopes.size() - 1; i >= 0; i--) {
            Object value = get(scopes.get(i), first);
            if (value != MISSING) {
                return dot < 0 ? value : within(value, name.substring(dot + 1));
            }
        }
        return MISSING;
    }

    /** One element standing for every element of the list; empty when the list is. */
    static Optional<Object> element(List<?> list) {
        Object merged = null;
        for (Object item : list) {
            merged = merged == null ? item : merge(merged, item);
        }
        return Optional.ofNullable(merged);
    }

    /** A value with the keys of both; lists merge their elements. */
    static Object merge(Object a, Object b) {
        if (a == ANY || b == ANY) {
            return ANY;
        }
        if (a instanceof Map<?, ?> left && b instanceof Map<?, ?> right) {
            Map<Object, Object> merged = new HashMap<>(left);
            right.forEach((k, v) -> merged.merge(k, v, ModelShape::merge));
            return merged;
        }
        if (a instanceof List<?> left && b instanceof List<?> right) {
            List<Object> both = new ArrayList<>(left.size() + right.size());
            both.addAll(left);
            both.addAll(right);
            return element(both).map(List::of).orElse(List.of());
        }
        return isStructured(a) || !isStructured(b) ? a : b;
    }

    private static Object within(Object value, String path) {
        Object current = value;
        for (String part : path.split("\\.", -1)) {
            current = get(current, part);
            if (current == MISSING) {
                return MISSING;
            }
        }
        return current;
    }

    private static Object get(Object scope, String key) {
        if (scope == ANY) {
            return ANY;
        }
        if (scope instanceof Map<?, ?> map && map.containsKey(key)) {
            return map.get(key);
        }
        return MISSING;
    }

    private static boolean isStructured(Object value) {
        return value instanceof Map || value instanceof List || value == ANY;
    }
}
