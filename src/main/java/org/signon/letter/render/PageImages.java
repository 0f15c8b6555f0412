package org.signon.letter.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one page points at its images: as {@code data:} URIs, for a file or a PDF that must need
 * nothing else, or as {@code cid:} references to parts of an email, which this then lists.
 * Made for one render and not shared between threads.
 */
final class PageImages {

    private final boolean email;
    /** By Content-ID: an image shown twice (a logo in the letterhead and the body) is one part. */
    private final Map<String, InlineImage> parts = new LinkedHashMap<>();

    private PageImages(boolean email) {
        this.email = email;
    }

    /** Every image inside the page, as today's standalone HTML and the PDF have them. */
    static PageImages dataUris() {
        return new PageImages(false);
    }

    /** Every image a {@code cid:} reference to a part of the email. */
    static PageImages emailParts() {
        return new PageImages(true);
    }

    boolean email() {
        return email;
    }

    /** The {@code src} of an {@code <img>} showing {@code image}. */
    String src(HtmlImage image) {
        if (!email) {
            return image.dataUri();
        }
        parts.putIfAbsent(image.inline().contentId(), image.inline());
        return image.inline().url();
    }

    /** The images the page refers to by {@code cid:}, each once, in the order it first shows them. */
    List<InlineImage> parts() {
        return new ArrayList<>(parts.values());
    }
}
