package org.signon.mail.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signon.SignonException;
import org.signon.letter.Recipient;

class ContactsReaderTest {

    @TempDir
    Path dir;

    private Path csv(String text) throws Exception {
        Path file = dir.resolve("contacts.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsAMessyExportWithBomCrlfQuotesAndExtraColumns() throws Exception {
        Path file = csv("\uFEFFName,Email,Title,Notes\r\n"
                + "Jane Doe,jane@example.com,CEO,\"line one\r\nline two\"\r\n"
                + "\r\n"
                + "\"Müller, Jürgen\", juergen@example.com ,General Counsel,\r\n");

        List<Recipient> contacts = ContactsReader.read(file);

        assertThat(contacts).hasSize(2);
        assertThat(contacts.get(0).name()).isEqualTo("Jane Doe");
        assertThat(contacts.get(0).email()).isEqualTo("jane@example.com");
        assertThat(contacts.get(0).fields()).containsEntry("Title", "CEO").containsEntry("Notes", "line one\r\nline two");
        assertThat(contacts.get(0).line()).isEqualTo(2);
        assertThat(contacts.get(1).name()).isEqualTo("Müller, Jürgen");
        assertThat(contacts.get(1).email()).isEqualTo("juergen@example.com");
        assertThat(contacts.get(1).line()).as("physical line, after a two-line cell and a blank line").isEqualTo(5);
    }

    @Test
    void skipsRowsWithOnlyEmptyCells() throws Exception {
        assertThat(ContactsReader.read(csv("name,email\nJane,jane@example.com\n,\n"))).hasSize(1);
    }

    @Test
    void needsANameAndAnEmailColumn() throws Exception {
        Path file = csv("Organization,Email Address\nExample,jane@example.com\n");

        assertThatThrownBy(() -> ContactsReader.read(file)).isInstanceOfSatisfying(SignonException.class, e -> {
            assertThat(e.kind()).isEqualTo(SignonException.Kind.DATA);
            assertThat(e.describe()).contains("contacts.csv:1").contains("no 'name' column");
        });
    }

    @Test
    void aContactListedTwiceIsAnError() throws Exception {
        Path file = csv("name,email\nJane,jane@example.com\nBob,bob@example.com\nJane D.,JANE@example.com\n");

        assertThatThrownBy(() -> ContactsReader.read(file)).isInstanceOfSatisfying(SignonException.class,
                e -> assertThat(e.describe()).endsWith("contacts.csv:4: email: JANE@example.com is listed twice (first on line 2); "
                        + "each contact may appear once"));
    }

    @Test
    void aRowWithoutEmailNamesItsLine() throws Exception {
        Path file = csv("name,email\nJane,jane@example.com\nBob,\n");

        assertThatThrownBy(() -> ContactsReader.read(file)).isInstanceOfSatisfying(SignonException.class,
                e -> assertThat(e.describe()).endsWith("contacts.csv:3: no email for 'Bob'"));
    }

    @Test
    void latin1IsRefusedWithItsLine() throws Exception {
        Path file = dir.resolve("contacts.csv");
        Files.write(file, "name,email\nJane,jane@example.com\nJ\u00fcrgen,j@example.com\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ContactsReader.read(file)).isInstanceOfSatisfying(SignonException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.getMessage()).contains("not UTF-8 text", "CSV UTF-8");
        });
    }

    @Test
    void utf16AndWorkbooksAreNamedNotReadAsSpacedOutColumns() throws Exception {
        Path file = dir.resolve("contacts.csv");
        String text = "name,email\nJane,jane@example.com\n";
        Files.write(file, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> ContactsReader.read(file)).isInstanceOfSatisfying(SignonException.class,
                e -> assertThat(e.describe()).contains("contacts.csv:1: the file is UTF-16 text", "CSV UTF-8"));

        Files.write(file, text.getBytes(StandardCharsets.UTF_16BE));
        assertThatThrownBy(() -> ContactsReader.read(file)).isInstanceOfSatisfying(SignonException.class,
                e -> assertThat(e.describe()).contains("contacts.csv:1: the file has NUL bytes, so it is not CSV text"));

        Files.write(file, ("name,email\nJane,jane@example.com\nBob\u0000,bob@example.com\n").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ContactsReader.read(file)).isInstanceOfSatisfying(SignonException.class,
                e -> assertThat(e.describe()).contains("contacts.csv:3: the file has a NUL byte on this line"));
    }

    @Test
    void aMissingFileIsNoInput() {
        assertThatThrownBy(() -> ContactsReader.read(dir.resolve("missing.csv")))
                .isInstanceOfSatisfying(SignonException.class, e -> assertThat(e.kind()).isEqualTo(SignonException.Kind.NO_INPUT));
    }
}
