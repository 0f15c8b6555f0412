package org.signon.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextBodyTest {

    /** Decodes with Jakarta Mail, as a mail client would. */
    private static String decode(TextBody body) throws Exception {
        try (var in = MimeUtility.decode(new ByteArrayInputStream(body.bytes()), body.encoding())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void plainAsciiGoesAs7bitWithCrlf() throws Exception {
        TextBody body = TextBody.of("Dear Jane,\n\nThank you.\n");

        assertThat(body.encoding()).isEqualTo("7bit");
        assertThat(new String(body.bytes(), StandardCharsets.US_ASCII)).isEqualTo("Dear Jane,\r\n\r\nThank you.\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Sehr geehrter Herr Müller,\n\n— die Koalition\n",
        "a = b, 100% sure=yes\n",
        "trailing space \nand tab\t\nend",
        "Ñandú Öffentlich Élan 中文 emoji 🙂\n",
        "x",
        "",
        ".\n..\nFrom the start\n",
    })
    void encodesSoThatClientsDecodeTheSameText(String text) throws Exception {
        TextBody body = TextBody.of(text);

        assertThat(decode(body)).isEqualTo(text.replace("\n", "\r\n"));
    }

    @Test
    void longLinesGetSoftBreaksOfAtMost76Characters() throws Exception {
        String text = "é" + "word ".repeat(60) + "=" + "ü".repeat(40) + " \n" + "a".repeat(2000) + "\n";
        TextBody body = TextBody.of(text);

        assertThat(body.encoding()).isEqualTo("quoted-printable");
        String wire = new String(body.bytes(), StandardCharsets.US_ASCII);
        assertThat(wire.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertThat(decode(body)).isEqualTo(text.replace("\n", "\r\n"));
    }

    @Test
    void anAsciiLineOver998CharactersIsEncoded() throws Exception {
        TextBody body = TextBody.of("b".repeat(1200));

        assertThat(body.encoding()).isEqualTo("quoted-printable");
        assertThat(decode(body)).isEqualTo("b".repeat(1200));
    }
}
