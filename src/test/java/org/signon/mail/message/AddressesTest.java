package org.signon.mail.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signon.SignonException;
import org.signon.mail.MailException;
import org.signon.mail.Origin;

class AddressesTest {

    private static final Origin ORIGIN = new Origin(Path.of("letters/letter.md"), 4, "to");

    @Test
    void parsesANameAndAddress() {
        InternetAddress address = Addresses.parse("Jane Doe <jane@example.com>", ORIGIN);

        assertThat(address.getAddress()).isEqualTo("jane@example.com");
        assertThat(address.getPersonal()).isEqualTo("Jane Doe");
    }

    @Test
    void encodesANonAsciiNameForTheHeader() {
        InternetAddress address = Addresses.parse("Zoë Ålander <zoe@example.com>", ORIGIN);

        assertThat(address.toString()).startsWith("=?UTF-8?").endsWith("<zoe@example.com>");
        assertThat(address.toUnicodeString()).isEqualTo("\"Zoë Ålander\" <zoe@example.com>");
    }

    @Test
    void quotesANameWithAComma() {
        assertThat(Addresses.of("jane@example.com", "Doe, Jane", ORIGIN).toString())
                .isEqualTo("\"Doe, Jane\" <jane@example.com>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "jane@", "jane@example", "Jane Doe jane@example.com",
            "a@example.com, b@example.com", "Team: a@example.com;", "jane..doe@example.com", "jané@example.com",
            "jane@[127.0.0.1]", "jane@example.com."})
    void refusesWhatIsNotOneMailboxWithADomain(String text) {
        assertThatThrownBy(() -> Addresses.parse(text, ORIGIN))
                .isInstanceOfSatisfying(SignonException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SignonException.Kind.DATA);
                    assertThat(e.describe()).startsWith("letters/letter.md:4: ");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane\r\nBcc: victim@example.net <jane@example.com>", "jane@example.com\nBcc: x@example.net",
            "Jane\u0000 <jane@example.com>", "=?UTF-8?Q?Jane=0D=0AX?= <jane@example.com>"})
    void refusesHeaderInjection(String text) {
        assertThatThrownBy(() -> Addresses.parse(text, ORIGIN))
                .isInstanceOf(MailException.class)
                .hasMessageContaining("control character");
    }

    @Test
    void refusesAControlCharacterInAContactName() {
        assertThatThrownBy(() -> Addresses.of("jane@example.com", "Jane\rBcc: x@example.net", new Origin(Path.of("c.csv"), 3, "name")))
                .isInstanceOfSatisfying(SignonException.class, e -> assertThat(e.describe())
                        .isEqualTo("c.csv:3: name 'JaneU+000DBcc: x@example.net' contains a control character (U+000D); "
                                + "header values must be one plain line"));
    }

    @Test
    void aContactEmailMustBeABareAddress() {
        assertThatThrownBy(() -> Addresses.of("Jane <jane@example.com>", "Jane", ORIGIN))
                .hasMessageContaining("write the bare address");
    }
}
