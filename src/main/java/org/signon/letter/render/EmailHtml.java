package org.signon.letter.render;

import java.util.List;

/**
 * A letter as the HTML part of an email: the page refers to its images by {@code cid:}, and
 * {@code images} are the parts that must travel with it, each once, in the order the page
 * first shows them. A letter without images has none.
 */
public record EmailHtml(String html, List<InlineImage> images) {

    public EmailHtml {
        images = List.copyOf(images);
    }
}
