package org.signon.mail.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.signon.mail.MailFixtures;
import org.signon.mail.message.MimeMessages;
import org.signon.mail.message.OutgoingMessage;

class BuiltAheadTest {

    private static final List<OutgoingMessage> MESSAGES = IntStream.rangeClosed(1, 6)
            .mapToObj(i -> MailFixtures.message(i, "Contact " + i + " <contact" + i + "@example.com>", "Letter " + i,
                    "Dear Contact " + i + ",\n"))
            .toList();

    private static MimeMessage build(OutgoingMessage message) {
        return MimeMessages.build(message, MimeMessages.offlineSession(), new Date());
    }

    @Test
    void eachMessageIsBuiltOnTheBuilderThreadAndHandedOverInOrder() throws Exception {
        Set<String> builtOn = ConcurrentHashMap.newKeySet();
        Function<OutgoingMessage, MimeMessage> recording = message -> {
            builtOn.add(Thread.currentThread().getName());
            return build(message);
        };
        try (BuiltAhead built = new BuiltAhead(MESSAGES, recording, 2)) {
            for (OutgoingMessage message : MESSAGES) {
                assertThat(built.take(message).getSubject()).isEqualTo("Letter " + message.position());
            }
        }
        assertThat(builtOn).containsExactly("signon-message-builder");
    }

    @Test
    void aMessageThatCannotBeBuiltThrowsWhatBuildingItThrewWhenItsTurnComes() throws Exception {
        IllegalStateException broken = new IllegalStateException("cannot build message 3: broken part");
        Function<OutgoingMessage, MimeMessage> failingAtThree = message -> {
            if (message.position() == 3) {
                throw broken;
            }
            return build(message);
        };
        try (BuiltAhead built = new BuiltAhead(MESSAGES, failingAtThree, 4)) {
            assertThat(built.take(MESSAGES.get(0)).getSubject()).isEqualTo("Letter 1");
            assertThat(built.take(MESSAGES.get(1)).getSubject()).isEqualTo("Letter 2");
            assertThatThrownBy(() -> built.take(MESSAGES.get(2))).isSameAs(broken);
        }
    }

    @Test
    void aMessageAskedForOutOfOrderIsABug() {
        try (BuiltAhead built = new BuiltAhead(MESSAGES, BuiltAheadTest::build, 2)) {
            assertThatThrownBy(() -> built.take(MESSAGES.get(1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("message 2 asked for out of order");
        }
    }
}
