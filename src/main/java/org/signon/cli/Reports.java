package org.signon.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wording and JSON shape shared by the reports commands print. */
final class Reports {

    private Reports() {
    }

    /** {@code 1 row}, {@code 40 rows}. */
    static String counted(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** A JSON object whose fields keep the order given: {@code ordered("line", 3, "message", m)}. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
