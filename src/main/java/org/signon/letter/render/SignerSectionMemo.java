package org.signon.letter.render;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The rendered signer sections of one batch of letters. Every recipient's letter carries the
 * same signer list, so its text and HTML are made once per batch instead of once per message.
 * Keyed by the section's Markdown (and what else its rendering depends on), so a letter whose
 * section differs is rendered afresh, never given another's. Safe to share between threads:
 * a dry run renders on both cores.
 */
final class SignerSectionMemo {

    /** A batch has one signer list; a few entries only guard against a pathological template. */
    private static final int MAX_ENTRIES = 16;

    private final boolean enabled;
    private final Map<String, Optional<String>> rendered = new ConcurrentHashMap<>();

    private SignerSectionMemo(boolean enabled) {
        this.enabled = enabled;
    }

    /** For one render: remembers nothing, and so never copies the section to make a key. */
    static SignerSectionMemo none() {
        return new SignerSectionMemo(false);
    }

    static SignerSectionMemo forBatch() {
        return new SignerSectionMemo(true);
    }

    /**
     * The rendering of {@code markdown} from {@code from} to {@code to} in {@code context}
     * (the output format and whatever else the result depends on), made by {@code render}
     * the first time only; empty when {@code render} found it cannot render the section.
     */
    Optional<String> get(String context, String markdown, int from, int to, Supplier<Optional<String>> render) {
        if (!enabled) {
            return render.get();
        }
        String key = context + '\u0000' + markdown.substring(from, to);
        Optional<String> known = rendered.get(key);
        if (known != null) {
            return known;
        }
        Optional<String> made = render.get();
        if (rendered.size() >= MAX_ENTRIES) {
            rendered.clear();
        }
        rendered.put(key, made);
        return made;
    }
}
