package org.signon.mail.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

    /** Texts on both sides of every rule: spaces and tabs at line ends, "=", column 75 and 76, non-ASCII. */
    static final String[] EDGES = {
        "Sehr geehrter Herr Müller,\n\n— die Koalition\n",
        "trailing space \nand tab\t\nend \n\tindented é\n",
        "é" + "x".repeat(73) + "\n" + "é" + "x".repeat(74) + "\n" + "é" + "x".repeat(75) + " \n",
        "ü".repeat(30) + "\n" + "=".repeat(40) + "é\n" + "a".repeat(1100) + "é",
        "Ñandú Öffentlich Élan 中文 emoji 🙂 " + "word ".repeat(40) + "\r\nCRLF\rCR\n",
        "ends in a space é ",
    };

    static String[] edges() {
        return EDGES;
    }

    @ParameterizedTest
    @MethodSource("edges")
    void quotedPrintableIsByteForByteWhatJakartaMailWrites(String text) throws Exception {
        TextBody body = TextBody.of(text);
        ByteArrayOutputStream jakarta = new ByteArrayOutputStream();
        try (OutputStream encoder = MimeUtility.encode(jakarta, "quoted-printable")) {
            encoder.write(text.getBytes(StandardCharsets.UTF_8));
        }

        assertThat(body.encoding()).isEqualTo("quoted-printable");
        assertThat(new String(body.bytes(), StandardCharsets.US_ASCII))
                .isEqualTo(new String(jakarta.toByteArray(), StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Dear Jane,\n\nThank you.\n",
        "Sehr geehrter Herr Müller,\n",
        "Уважаемый депутат,\n\nмы пишем вам от имени коалиции.\n",
        "敬启者：\n我们代表联盟写信给您。\n",
        "plain but long: zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
    })
    void choosesTheEncodingJakartaMailWouldChoose(String text) throws Exception {
        String jakarta = MimeUtility.getEncoding(new DataHandler(text, "text/plain; charset=UTF-8"));

        assertThat(TextBody.of(text).encoding()).isEqualTo(jakarta);
    }

    @Test
    void mostlyNonAsciiTextGoesAsBase64InLinesOf76() throws Exception {
        String text = "Уважаемый депутат,\n\n" + "мы пишем вам от имени коалиции. ".repeat(20) + "\n";
        TextBody body = TextBody.of(text);

        assertThat(body.encoding()).isEqualTo("base64");
        assertThat(new String(body.bytes(), StandardCharsets.US_ASCII).split("\r\n"))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertThat(decode(body)).isEqualTo(text.replace("\n", "\r\n"));
    }
}
