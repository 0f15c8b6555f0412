package org.signon.mail.message;

import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signon.letter.FrontMatter;
import org.signon.letter.HeadingLine;
import org.signon.letter.Letter;
import org.signon.letter.Recipient;
import org.signon.mail.MailException;
import org.signon.mail.Origin;

/**
 * The sender and recipients of a letter, validated from its front matter (and {@code --to})
 * before any message is made: every address is checked, every header value is one clean line,
 * and no address may receive the same message twice. The subject is written here only as far
 * as the letter's own text goes (it exists, and has no line break of its own); what its tags
 * fill in is checked by {@link MessageSubjects}.
 */
public final class LetterAddressing {

    private record Addressed(InternetAddress address, Origin origin) {
    }

    private final InternetAddress from;
    private final List<Addressed> to;
    private final List<Addressed> cc;
    private final List<Addressed> bcc;
    private final List<Addressed> replyTo;
    private final Origin toOrigin;

    private LetterAddressing(InternetAddress from, List<Addressed> to, List<Addressed> cc, List<Addressed> bcc,
            List<Addressed> replyTo, Origin toOrigin) {
        this.from = from;
        this.to = to;
        this.cc = cc;
        this.bcc = bcc;
        this.replyTo = replyTo;
        this.toOrigin = toOrigin;
    }

    /**
     * @param toOverride {@code --to} values, replacing front matter {@code to} when not empty
     * @throws MailException DATA naming the letter file and line of the first bad value
     */
    public static LetterAddressing of(Letter letter, List<String> toOverride) {
        FrontMatter front = letter.front();
        Path file = letter.file();
        Origin fromOrigin = origin(letter, "from");
        if (front.from().isBlank()) {
            throw MailException.data(fromOrigin, "front matter has no 'from': add from: \"Name <address>\"");
        }
        InternetAddress from = Addresses.parse(front.from(), fromOrigin);
        String subject = subjectText(front);
        HeaderText.requireClean(subject.strip(), origin(letter, subjectKey(front)), "subject");
        if (subject.isBlank()) {
            throw MailException.data(new Origin(file, 0, "subject"), "front matter has neither 'subject' nor 'title'");
        }
        Origin toOrigin = toOverride.isEmpty() ? origin(letter, "to") : Origin.commandLine("--to");
        List<Addressed> to = toOverride.isEmpty() ? parseAll(letter, "to", front.to())
                : toOverride.stream().map(v -> new Addressed(Addresses.parse(v, toOrigin), toOrigin)).toList();
        return new LetterAddressing(from, to, parseAll(letter, "cc", front.cc()),
                parseAll(letter, "bcc", front.bcc()), parseAll(letter, "reply_to", front.replyTo()),
                toOrigin);
    }

    /**
     * Everything in the letter's own addresses and subject that {@link #of} and
     * {@link #single(String)} would stop on, each value checked by the same code, all of them
     * reported rather than the first. A letter without {@code to} or {@code from} has no
     * problem for them: it may be rendered only, or sent with {@code --contacts} or {@code --to}.
     */
    public static List<MailException> problems(Letter letter) {
        FrontMatter front = letter.front();
        List<MailException> problems = new ArrayList<>();
        List<Addressed> parsed = new ArrayList<>();
        List<String> from = front.from().isBlank() ? List.of() : List.of(front.from());
        collect(letter, "from", from, problems);
        for (String key : List.of("to", "cc", "bcc")) {
            parsed.addAll(collect(letter, key, values(front, key), problems));
        }
        collect(letter, "reply_to", front.replyTo(), problems);
        try {
            HeaderText.requireClean(subjectText(front).strip(), origin(letter, subjectKey(front)), "subject");
        } catch (MailException e) {
            problems.add(e);
        }
        problems.addAll(duplicates(parsed));
        problems.sort(Comparator.comparingLong(MailException::line));
        return List.copyOf(problems);
    }

    private static List<String> values(FrontMatter front, String key) {
        return switch (key) {
            case "to" -> front.to();
            case "cc" -> front.cc();
            default -> front.bcc();
        };
    }

    /** The values that parse; a failure for each one that does not. */
    private static List<Addressed> collect(Letter letter, String key, List<String> values, List<MailException> problems) {
        List<Addressed> parsed = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Origin origin = origin(letter, key, i);
            try {
                parsed.add(new Addressed(Addresses.parse(values.get(i), origin), origin));
            } catch (MailException e) {
                problems.add(e);
            }
        }
        return parsed;
    }

    /**
     * The subject as the letter writes it: its own {@code subject}, else the title as the one line
     * a heading makes of it. Its tags are filled in and checked later ({@link MessageSubjects}).
     */
    private static String subjectText(FrontMatter front) {
        return front.hasOwnSubject() ? front.subject() : HeadingLine.of(front.title());
    }

    /** The key the subject comes from, to name its line. */
    static String subjectKey(FrontMatter front) {
        return front.hasOwnSubject() ? "subject" : "title";
    }

    /**
     * The one message to everyone in {@code to}.
     *
     * @param subject the subject filled in and checked ({@link MessageSubjects})
     */
    public Envelope single(String subject) {
        if (to.isEmpty()) {
            throw MailException.data(toOrigin, "no recipients: add 'to' to the front matter, or use --to or --contacts");
        }
        return envelope(to, subject);
    }

    /**
     * A message to one contact, with the letter's Cc and Bcc.
     *
     * @param subject the subject filled in for this contact and checked ({@link MessageSubjects})
     */
    public Envelope personal(Recipient contact, Path contactsFile, String subject) {
        Origin origin = new Origin(contactsFile, contact.line(), "email");
        return envelope(List.of(new Addressed(Addresses.of(contact.email(), contact.name(), origin), origin)), subject);
    }

    public InternetAddress from() {
        return from;
    }

    private Envelope envelope(List<Addressed> recipients, String subject) {
        List<Addressed> all = new ArrayList<>(recipients);
        all.addAll(cc);
        all.addAll(bcc);
        List<MailException> twice = duplicates(all);
        if (!twice.isEmpty()) {
            throw twice.get(0);
        }
        return new Envelope(from, addresses(recipients), addresses(cc), addresses(bcc), addresses(replyTo), subject);
    }

    /** Each address that comes again after its first place in {@code all}. */
    private static List<MailException> duplicates(List<Addressed> all) {
        Map<String, Origin> seen = new HashMap<>();
        List<MailException> twice = new ArrayList<>();
        for (Addressed a : all) {
            Origin first = seen.putIfAbsent(a.address().getAddress().toLowerCase(Locale.ROOT), a.origin());
            if (first != null) {
                twice.add(MailException.data(a.origin(), a.address().getAddress() + " is already a recipient ("
                        + first.describe() + (first.field() == null ? "" : " " + first.field())
                        + "); each address may receive a message once"));
            }
        }
        return twice;
    }

    private static List<InternetAddress> addresses(List<Addressed> list) {
        return list.stream().map(Addressed::address).toList();
    }

    /** Each entry of the front matter list {@code key}, named by its own line when it fails. */
    private static List<Addressed> parseAll(Letter letter, String key, List<String> values) {
        List<Addressed> parsed = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Origin origin = origin(letter, key, i);
            parsed.add(new Addressed(Addresses.parse(values.get(i), origin), origin));
        }
        return parsed;
    }

    private static Origin origin(Letter letter, String key) {
        return new Origin(letter.file(), letter.front().lineOf(key), key);
    }

    private static Origin origin(Letter letter, String key, int index) {
        return new Origin(letter.file(), letter.front().lineOf(key, index), key);
    }
}
