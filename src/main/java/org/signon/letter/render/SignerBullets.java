package org.signon.letter.render;

import java.util.List;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.ListItem;

/**
 * A run of signer bullets, as a tight bullet list would hold them, with most items kept as the
 * plain text they show: a hundred thousand signers then cost a string each instead of a list
 * item, a paragraph and a text node, and the text renderer writes them without wrapping work.
 */
final class SignerBullets extends CustomBlock {

    /** One bullet: its text when it holds nothing but words, else the item the parser made. */
    sealed interface Bullet permits Plain, Parsed {
    }

    /** @param text what the bullet shows, escapes already undone; never empty, no control characters */
    record Plain(String text) implements Bullet {
    }

    record Parsed(ListItem item) implements Bullet {
    }

    private final List<Bullet> bullets;

    SignerBullets(List<Bullet> bullets) {
        this.bullets = List.copyOf(bullets);
    }

    List<Bullet> bullets() {
        return bullets;
    }
}
