package org.signon.signers;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One row's cells by header, as {@link Signer#columns()} shows them: an immutable map that
 * reads the row's cleaned values through a header table shared by every row of the file. A
 * list of a hundred thousand signers then holds one small object and one array per row
 * instead of a hashed map with an entry per cell. It iterates in file order.
 */
final class RowColumns extends AbstractMap<String, String> {

    /** The headers of one file, each once, and the column each one reads. */
    static final class Layout {
        private final String[] names;
        private final int[] columns;
        private final boolean everyColumn;
        private final int width;
        private final Map<String, Integer> slotByName = new HashMap<>();
        private final Set<String> keySet;

        /**
         * @param headers      the cleaned header row
         * @param namedColumns the columns that reach templates, distinct names, in file order
         */
        Layout(List<String> headers, List<Integer> namedColumns) {
            names = new String[namedColumns.size()];
            columns = new int[names.length];
            boolean identity = names.length == headers.size();
            for (int slot = 0; slot < names.length; slot++) {
                columns[slot] = namedColumns.get(slot);
                names[slot] = headers.get(columns[slot]);
                slotByName.put(names[slot], slot);
                identity &= columns[slot] == slot;
            }
            everyColumn = identity;
            width = headers.size();
            keySet = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
        }

        /**
         * The columns of a row whose cleaned cells are {@code values}, one per header column.
         * The array must not change afterwards: when every column is named it is kept as is.
         */
        RowColumns of(String[] values) {
            if (values.length != width) {
                throw new IllegalArgumentException("a row of " + values.length + " cells for " + width + " headers");
            }
            if (everyColumn) {
                return new RowColumns(this, values);
            }
            String[] named = new String[names.length];
            for (int slot = 0; slot < named.length; slot++) {
                named[slot] = values[columns[slot]];
            }
            return new RowColumns(this, named);
        }
    }

    private final Layout layout;
    /** By slot, as {@link Layout#names}. */
    private final String[] values;

    private RowColumns(Layout layout, String[] values) {
        this.layout = layout;
        this.values = values;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean isEmpty() {
        return values.length == 0;
    }

    // Like Map.copyOf, a null key or value is never in the map and asking for one throws.

    @Override
    public String get(Object key) {
        Integer slot = layout.slotByName.get(Objects.requireNonNull(key));
        return slot == null ? null : values[slot];
    }

    @Override
    public boolean containsKey(Object key) {
        return layout.slotByName.containsKey(Objects.requireNonNull(key));
    }

    @Override
    public boolean containsValue(Object value) {
        Objects.requireNonNull(value);
        for (String cell : values) {
            if (cell.equals(value)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String getOrDefault(Object key, String defaultValue) {
        Integer slot = layout.slotByName.get(Objects.requireNonNull(key));
        return slot == null ? defaultValue : values[slot];
    }

    /** Shared by every row of the file, so rows compare their header sets cheaply. */
    @Override
    public Set<String> keySet() {
        return layout.keySet;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int slot;

                    @Override
                    public boolean hasNext() {
                        return slot < values.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (slot >= values.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, String> entry = Map.entry(layout.names[slot], values[slot]);
                        slot++;
                        return entry;
                    }
                };
            }
        };
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        for (int slot = 0; slot < values.length; slot++) {
            action.accept(layout.names[slot], values[slot]);
        }
    }

    // Immutable like Map.copyOf: every mutator throws, whether or not it would change anything.

    @Override
    public String put(String key, String value) {
        throw immutable();
    }

    @Override
    public String remove(Object key) {
        throw immutable();
    }

    @Override
    public void putAll(Map<? extends String, ? extends String> m) {
        throw immutable();
    }

    @Override
    public void clear() {
        throw immutable();
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super String, ? extends String> function) {
        throw immutable();
    }

    @Override
    public String putIfAbsent(String key, String value) {
        throw immutable();
    }

    @Override
    public boolean remove(Object key, Object value) {
        throw immutable();
    }

    @Override
    public boolean replace(String key, String oldValue, String newValue) {
        throw immutable();
    }

    @Override
    public String replace(String key, String value) {
        throw immutable();
    }

    @Override
    public String computeIfAbsent(String key, Function<? super String, ? extends String> mappingFunction) {
        throw immutable();
    }

    @Override
    public String computeIfPresent(String key,
            BiFunction<? super String, ? super String, ? extends String> remappingFunction) {
        throw immutable();
    }

    @Override
    public String compute(String key, BiFunction<? super String, ? super String, ? extends String> remappingFunction) {
        throw immutable();
    }

    @Override
    public String merge(String key, String value,
            BiFunction<? super String, ? super String, ? extends String> remappingFunction) {
        throw immutable();
    }

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("a signer's columns cannot change");
    }
}
