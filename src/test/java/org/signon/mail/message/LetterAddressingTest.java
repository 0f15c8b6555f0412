package org.signon.mail.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signon.SignonException;
import org.signon.letter.FrontMatter;
import org.signon.letter.Letter;
import org.signon.letter.Recipient;
import org.signon.mail.MailFixtures;

class LetterAddressingTest {

    private static final Path FILE = Path.of("letters/letter.md");
    private static final Map<String, Integer> LINES = Map.of("title", 2, "from", 3, "to", 4, "cc", 7, "bcc", 8,
            "subject", 9, "reply_to", 10);

    private static Letter letter(String from, List<String> to, List<String> cc, List<String> bcc, String subject) {
        FrontMatter front = new FrontMatter("Open letter on biometric data", "", subject, from, to, cc, bcc,
                List.of("replies@example.org"), "", Map.of(), List.of(), "en", "", "letter", "", "", Map.of(), LINES);
        return new Letter(FILE, front, "Body", 12);
    }

    @Test
    void oneMessageToEveryoneInTo() {
        Envelope envelope = LetterAddressing.of(letter(MailFixtures.FROM, List.of("CEO <ceo@example.com>", "gc@example.com"),
                List.of("partner@example.net"), List.of("archive@example.org"), ""), List.of()).single("Open letter");

        assertThat(envelope.toAddresses()).containsExactly("ceo@example.com", "gc@example.com");
        assertThat(envelope.recipientAddresses()).containsExactly("ceo@example.com", "gc@example.com",
                "partner@example.net", "archive@example.org");
        assertThat(envelope.subject()).isEqualTo("Open letter");
        assertThat(envelope.replyTo()).hasSize(1);
    }

    @Test
    void toOnTheCommandLineReplacesTheFrontMatter() {
        Envelope envelope = LetterAddressing.of(letter(MailFixtures.FROM, List.of("ceo@example.com"), List.of(), List.of(), "S"),
                List.of("me@example.org")).single("S");

        assertThat(envelope.toAddresses()).containsExactly("me@example.org");
    }

    @Test
    void aContactGetsTheLetterCcAndBcc() {
        LetterAddressing addressing = LetterAddressing.of(letter(MailFixtures.FROM, List.of(), List.of("partner@example.net"),
                List.of("archive@example.org"), "S"), List.of());

        Envelope envelope = addressing.personal(new Recipient(Map.of("name", "Jane Doe", "email", "jane@example.com"), 5),
                Path.of("contacts.csv"), "S");

        assertThat(envelope.to().get(0).toUnicodeString()).isEqualTo("Jane Doe <jane@example.com>");
        assertThat(envelope.recipientAddresses()).containsExactly("jane@example.com", "partner@example.net", "archive@example.org");
    }

    @Test
    void anInvalidAddressNamesTheLetterLine() {
        assertThatThrownBy(() -> LetterAddressing.of(letter(MailFixtures.FROM, List.of("ceo@example.com"),
                List.of("partner(at)example.net"), List.of(), "S"), List.of()))
                .isInstanceOfSatisfying(SignonException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SignonException.Kind.DATA);
                    assertThat(e.describe()).startsWith("letters/letter.md:7: cc: invalid address 'partner(at)example.net'");
                });
    }

    @Test
    void aSubjectWithALineBreakIsRefused() {
        assertThatThrownBy(() -> LetterAddressing.of(letter(MailFixtures.FROM, List.of("ceo@example.com"), List.of(), List.of(),
                "Hello\nBcc: everyone@example.net"), List.of()))
                .isInstanceOfSatisfying(SignonException.class, e -> assertThat(e.describe())
                        .startsWith("letters/letter.md:9: subject contains a control character"));
    }

    @Test
    void theSameAddressTwiceIsRefused() {
        LetterAddressing addressing = LetterAddressing.of(letter(MailFixtures.FROM, List.of(), List.of(),
                List.of("jane@example.com"), "S"), List.of());

        assertThatThrownBy(() -> addressing.personal(new Recipient(Map.of("name", "Jane", "email", "Jane@Example.com"), 3),
                Path.of("contacts.csv"), "S"))
                .isInstanceOfSatisfying(SignonException.class, e -> assertThat(e.describe())
                        .startsWith("letters/letter.md:8: bcc: jane@example.com is already a recipient (contacts.csv:3 email)"));
    }

    @Test
    void aSenderAndRecipientsAreRequired() {
        assertThatThrownBy(() -> LetterAddressing.of(letter("", List.of("ceo@example.com"), List.of(), List.of(), "S"), List.of()))
                .hasMessageContaining("no 'from'");
        assertThatThrownBy(() -> LetterAddressing.of(letter(MailFixtures.FROM, List.of(), List.of(), List.of(), "S"), List.of()).single("S"))
                .hasMessageContaining("no recipients");
    }
}
