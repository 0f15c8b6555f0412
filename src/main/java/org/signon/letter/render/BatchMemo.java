package org.signon.letter.render;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the letters of one batch (one per recipient) have in common, made once: the rendered
 * signer section, the same list in every letter, and the images read from disk (a letterhead
 * logo would otherwise be read and encoded for every message). Sections are keyed by their
 * Markdown and what else their rendering depends on, so a letter whose section differs is
 * rendered afresh, never given another's. Safe to share between threads: a dry run renders on
 * both cores.
 */
final class BatchMemo {

    /** A batch has one signer list; a few entries only guard against a pathological template. */
    private static final int MAX_SECTIONS = 16;

    private final boolean enabled;
    private final Map<String, Optional<String>> sections = new ConcurrentHashMap<>();
    private final Map<String, HtmlImage> images = new ConcurrentHashMap<>();

    private BatchMemo(boolean enabled) {
        this.enabled = enabled;
    }

    /** For one render: remembers nothing, and so never copies a section to make a key. */
    static BatchMemo none() {
        return new BatchMemo(false);
    }

    static BatchMemo forBatch() {
        return new BatchMemo(true);
    }

    /**
     * The rendering of {@code markdown} from {@code from} to {@code to} in {@code context}
     * (the output format and whatever else the result depends on), made by {@code render}
     * the first time only; empty when {@code render} found it cannot render the section.
     */
    Optional<String> section(String context, String markdown, int from, int to, Supplier<Optional<String>> render) {
        if (!enabled) {
            return render.get();
        }
        String key = context + '\u0000' + markdown.substring(from, to);
        Optional<String> known = sections.get(key);
        if (known != null) {
            return known;
        }
        Optional<String> made = render.get();
        if (sections.size() >= MAX_SECTIONS) {
            sections.clear();
        }
        sections.put(key, made);
        return made;
    }

    /**
     * The image {@code key} names (the letter file and the path as written), read by
     * {@code read} the first time only; a read that fails is not remembered, so every letter
     * fails the same way.
     */
    HtmlImage image(String key, Supplier<HtmlImage> read) {
        return enabled ? images.computeIfAbsent(key, k -> read.get()) : read.get();
    }
}
