package org.signon.signers;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares equal cell values of one column ("CA", "Yes", "National Organizations") so that a
 * list of a hundred thousand signers keeps one copy of each instead of one per row. A column
 * whose values are mostly different (emails, timestamps) stops being pooled once it has shown
 * that: pooling it would only cost time.
 */
final class ValuePool {

    private static final int MAX_DISTINCT = 2048;

    private final Map<String, String> values = new HashMap<>();
    private boolean open = true;

    String share(String value) {
        if (!open) {
            return value;
        }
        String shared = values.putIfAbsent(value, value);
        if (shared != null) {
            return shared;
        }
        if (values.size() > MAX_DISTINCT) {
            open = false;
            values.clear();
        }
        return value;
    }
}
