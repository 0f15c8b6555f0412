package org.signon.mail.message;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.signon.letter.Recipient;
import org.signon.mail.Origin;

/**
 * The messages of one run, addressed and validated but not yet rendered: a run of thousands
 * renders them a slice at a time, so that it never holds every body at once. Message-IDs are
 * drawn in position order whatever order the slices are rendered in.
 */
public final class MessageBatch {

    /** What one message is made from: its validated envelope, the contact it is for, where that came from. */
    record Draft(Envelope envelope, Optional<Recipient> recipient, Origin origin) {
    }

    /** Renders the letter for one draft; must be safe to call from several threads. */
    @FunctionalInterface
    interface Renderer {
        OutgoingMessage render(int position, Draft draft, String messageId);
    }

    private final List<Draft> drafts;
    private final Renderer renderer;
    private final MessageIds ids;

    MessageBatch(List<Draft> drafts, Renderer renderer, MessageIds ids) {
        this.drafts = List.copyOf(drafts);
        this.renderer = renderer;
        this.ids = ids;
    }

    public int size() {
        return drafts.size();
    }

    /** Every message's envelope, in order: who gets what, known before anything is rendered. */
    public List<Envelope> envelopes() {
        return drafts.stream().map(Draft::envelope).toList();
    }

    /**
     * The messages at 0-based indexes {@code from} (inclusive) to {@code to} (exclusive), in
     * order, rendered on every core: each message is independent of the others.
     *
     * @throws org.signon.letter.LetterException when the letter cannot be filled in
     */
    public List<OutgoingMessage> render(int from, int to) {
        List<String> messageIds = drafts.subList(from, to).stream().map(d -> ids.next(d.envelope().from())).toList();
        return IntStream.range(from, to).parallel()
                .mapToObj(i -> renderer.render(i + 1, drafts.get(i), messageIds.get(i - from)))
                .toList();
    }

    /** Every message, rendered. */
    public List<OutgoingMessage> all() {
        return render(0, size());
    }
}
