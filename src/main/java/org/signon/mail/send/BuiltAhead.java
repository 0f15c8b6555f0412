package org.signon.mail.send;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.signon.mail.Background;
import org.signon.mail.message.OutgoingMessage;

/**
 * Builds the MIME messages of a batch on a thread of its own, a few ahead of the one being
 * sent, so that the sending thread goes from one message's reply to the next message's envelope
 * without building it first (on a fast link, a fifth of each message's time). Only a few ahead:
 * building is the faster side, so more would only hold more messages in memory. A message is
 * dated when it is built, so the sender dates it again when it takes it.
 */
final class BuiltAhead implements AutoCloseable {

    private final Iterator<OutgoingMessage> toBuild;
    private final Function<OutgoingMessage, MimeMessage> build;
    private final Deque<Pending> building = new ArrayDeque<>();
    private final ExecutorService builder = Background.thread("signon-message-builder");

    private record Pending(OutgoingMessage message, Future<MimeMessage> mime) {
    }

    /**
     * @param messages the messages to be sent, in the order {@link #take} will ask for them
     * @param ahead    how many are built before they are asked for
     */
    BuiltAhead(List<OutgoingMessage> messages, Function<OutgoingMessage, MimeMessage> build, int ahead) {
        this.toBuild = messages.iterator();
        this.build = build;
        for (int i = 0; i < ahead; i++) {
            startNext();
        }
    }

    /**
     * The built form of {@code message}, the next of the list.
     *
     * @throws RuntimeException what building it threw
     */
    MimeMessage take(OutgoingMessage message) {
        Pending next = building.poll();
        if (next == null || next.message() != message) {
            throw new IllegalStateException("message " + message.position() + " asked for out of order");
        }
        startNext();
        try {
            return Background.result(next.mime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building message " + message.position(), e);
        }
    }

    private void startNext() {
        if (toBuild.hasNext()) {
            OutgoingMessage message = toBuild.next();
            building.add(new Pending(message, builder.submit(() -> build.apply(message))));
        }
    }

    /** Messages never asked for (the run stopped) are not built. */
    @Override
    public void close() {
        builder.shutdownNow();
    }
}
