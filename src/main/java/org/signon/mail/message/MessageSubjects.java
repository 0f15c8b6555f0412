package org.signon.mail.message;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.signon.letter.FrontMatter;
import org.signon.letter.Letter;
import org.signon.letter.Recipient;
import org.signon.letter.template.LetterTemplate;
import org.signon.mail.MailException;
import org.signon.mail.Origin;

/**
 * The Subject of each message: the letter's {@code subject} (else its title) with its tags
 * filled in, stripped at both ends, and then checked as a header. The check comes after filling
 * in because a value (a contacts column, a front matter key) can bring the line break that
 * would add a header; it is refused, never folded into a space, and blamed on where it came from.
 */
public final class MessageSubjects {

    private final Letter letter;
    private final LetterTemplate.Signed template;

    public MessageSubjects(Letter letter, LetterTemplate.Signed template) {
        this.letter = letter;
        this.template = template;
    }

    /**
     * The subject of the one message to everyone.
     *
     * @throws MailException DATA naming the letter line of the subject, or of the front matter
     *                       value that brought a control character into it
     * @throws org.signon.letter.LetterException DATA for a tag unknown without a contact
     */
    public String forEveryone() {
        return checked(template.subject(Optional.empty()), Optional.empty(), null);
    }

    /**
     * The subject of the message to {@code contact}, a row of {@code contactsFile}.
     *
     * @throws MailException DATA naming the contacts file and line when a column of the row
     *                       brought a control character into the subject
     * @throws org.signon.letter.LetterException DATA for a tag the contacts file has no column for
     */
    public String forContact(Recipient contact, Path contactsFile) {
        return checked(template.subject(Optional.of(contact)), Optional.of(contact), contactsFile);
    }

    private String checked(String filled, Optional<Recipient> contact, Path contactsFile) {
        String subject = filled.strip();
        if (subject.isEmpty()) {
            throw MailException.data(subjectOrigin(), "the subject is empty once its tags are filled in"
                    + contact.filter(c -> c.line() > 0).map(c -> " for " + contactsFile + ":" + c.line()).orElse(""));
        }
        int bad = firstControl(subject);
        if (bad < 0) {
            return subject;
        }
        Optional<Map.Entry<String, String>> column = contact.flatMap(c -> source(c.fields(), subject));
        if (column.isPresent()) {
            return HeaderText.requireClean(subject, new Origin(contactsFile, contact.get().line(), column.get().getKey()),
                    "column '" + column.get().getKey() + "', used in the subject,");
        }
        Optional<Map.Entry<String, String>> key = source(frontMatterValues(), subject);
        if (key.isPresent()) {
            return HeaderText.requireClean(subject, origin(key.get().getKey()),
                    "'" + key.get().getKey() + "', used in the subject,");
        }
        return HeaderText.requireClean(subject, subjectOrigin(), "subject");
    }

    /**
     * The value, by name, whose control character is in the subject: values go in as written,
     * so the subject holds the whole value around it.
     */
    private static Optional<Map.Entry<String, String>> source(Map<String, String> values, String subject) {
        // Sorted, so that the same data always blames the same column.
        return new TreeMap<>(values).entrySet().stream()
                .filter(e -> shows(subject, e.getValue()) || shows(subject, e.getValue().strip()))
                .findFirst();
    }

    /** The front matter values a subject can show: the title, the date and every text data key. */
    private Map<String, String> frontMatterValues() {
        FrontMatter front = letter.front();
        Map<String, String> values = new TreeMap<>();
        front.data().forEach((key, value) -> {
            if (value instanceof String text) {
                values.put(key, text);
            }
        });
        values.put("title", template.title());
        values.put("date", front.date());
        return values;
    }

    /** Whether {@code value} holds a control character and the subject shows it. */
    private static boolean shows(String subject, String value) {
        return firstControl(value) >= 0 && subject.contains(value);
    }

    private Origin subjectOrigin() {
        return origin(LetterAddressing.subjectKey(letter.front()));
    }

    private Origin origin(String key) {
        return new Origin(letter.file(), letter.front().lineOf(key), key);
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (HeaderText.isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
