package org.signon.letter.template;

import com.github.mustachejava.Code;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.signon.SignonException.Kind;
import org.signon.letter.FrontMatter;
import org.signon.letter.FrontMatterKey;
import org.signon.letter.HeadingLine;
import org.signon.letter.Letter;
import org.signon.letter.LetterException;
import org.signon.letter.Recipient;
import org.signon.letter.RenderedLetter;
import org.signon.letter.TrailingWhitespace;
import org.signon.letter.UnknownTag;
import org.signon.signers.SignerList;

/**
 * A letter compiled as strict Mustache templates: the body producing Markdown, and the
 * {@code title} and {@code subject} producing plain text.
 */
public final class LetterTemplate {

    private static final Pattern LEADING_BLANK_LINES = Pattern.compile("\\A(?:[ \\t]*\\n)+");

    private final Letter letter;
    private final CompiledTemplate body;
    private final Optional<CompiledTemplate> signerLine;
    private final Optional<CompiledTemplate> title;
    private final Optional<CompiledTemplate> subject;
    private final boolean placesSignerList;
    /** Whether any body tag looks into the signers; if none does, the check need not know their columns. */
    private final boolean namesSigners;

    private LetterTemplate(Letter letter, CompiledTemplate body, Optional<CompiledTemplate> signerLine,
            Optional<CompiledTemplate> title, Optional<CompiledTemplate> subject) {
        this.letter = letter;
        this.body = body;
        this.signerLine = signerLine;
        this.title = title;
        this.subject = subject;
        this.placesSignerList = placesSignerList(body.mustache().getCodes());
        this.namesSigners = namesSigners(body.mustache().getCodes());
    }

    /** @throws LetterException DATA naming the file and line of a template syntax error */
    public static LetterTemplate compile(Letter letter) {
        FrontMatter front = letter.front();
        // In letter order, so that the first syntax error reported is the first in the file.
        Optional<CompiledTemplate> title = frontMatterTemplate(letter, FrontMatterKey.TITLE, front.title(),
                TemplatePart.PLAIN_TEXT);
        // Without a subject of its own, the subject is the filled-in title.
        Optional<CompiledTemplate> subject = front.hasOwnSubject()
                ? frontMatterTemplate(letter, FrontMatterKey.SUBJECT, front.subject(), TemplatePart.PLAIN_TEXT)
                : Optional.empty();
        Optional<CompiledTemplate> signerLine = frontMatterTemplate(letter, FrontMatterKey.SIGNER_LINE,
                front.signerLine(), TemplatePart.SIGNER_LINE);
        CompiledTemplate body = CompiledTemplate.compile(letter.body(), letter.file(), letter.bodyLine(), null,
                TemplatePart.BODY);
        return new LetterTemplate(letter, body, signerLine, title, subject);
    }

    /** The value of front matter {@code key} as a template; none when it is blank (as if absent). */
    private static Optional<CompiledTemplate> frontMatterTemplate(Letter letter, String key, String text,
            TemplatePart part) {
        return text.isBlank() ? Optional.empty()
                : Optional.of(CompiledTemplate.compile(text, letter.file(),
                        Math.max(1, letter.front().lineOf(key)), key, part));
    }

    /** @throws LetterException DATA naming the first unknown tag, its file and line */
    public RenderedLetter render(SignerList signers, Optional<Recipient> recipient) {
        return withSigners(signers).render(recipient);
    }

    /**
     * The template with its signer list formatted once, for rendering many recipients' letters:
     * the signer lines and the list do not depend on who the letter is for.
     */
    public Signed withSigners(SignerList signers) {
        // Tags that are unknown whoever the letter is for fail before any signer line is formatted.
        List<UnknownTag> unknown = unknownTags(signers);
        Map<String, Object> base = TemplateModel.base(letter.front(), signers);
        if (!unknown.isEmpty()) {
            throw unknownTag(unknown.get(0), true, inTitle(unknown.get(0), base));
        }
        String filledTitle = HeadingLine.of(title.map(t -> t.fill(List.of(TemplateModel.titleData(base))))
                .orElse(letter.front().title()));
        base.put(TemplateModel.TITLE, filledTitle);
        if (subject.isEmpty()) {
            base.put(TemplateModel.SUBJECT, filledTitle);
        }
        List<MarkdownText> lines = SignerLines.format(signers.all(), signerLine, signerLineData(base, true));
        return new Signed(signers, Map.copyOf(base), lines, SignerListMarkdown.of(signers, lines));
    }

    /**
     * What the {@code signer_line} sees besides the signer: the base data. The list is the same
     * in every message, so its {@code {{subject}}} is the subject only when that is the same in
     * every message (it names no recipient); otherwise it is an unknown tag there.
     *
     * @param fill whether to fill the subject in (rendering) or only to know that it exists (checking)
     */
    private Map<String, Object> signerLineData(Map<String, Object> base, boolean fill) {
        if (subject.isEmpty()) {
            return base;
        }
        Map<String, Object> data = new HashMap<>(base);
        if (namesRecipient(subject.get().mustache().getCodes())) {
            data.remove(TemplateModel.SUBJECT);
        } else if (fill && signerLine.isPresent()) {
            data.put(TemplateModel.SUBJECT, subject.get().fill(List.of(TemplateModel.subjectData(base, null))));
        }
        return data;
    }

    /** A letter template and the signer list it is merged with. */
    public final class Signed {

        private final SignerList signers;
        private final Map<String, Object> base;
        private final List<MarkdownText> lines;
        private final MarkdownText list;
        private final Map<Optional<Set<String>>, List<UnknownTag>> unknownByColumns = new ConcurrentHashMap<>();
        private final Map<Optional<Set<String>>, List<UnknownTag>> unknownInSubject = new ConcurrentHashMap<>();

        private Signed(SignerList signers, Map<String, Object> base, List<MarkdownText> lines, MarkdownText list) {
            this.signers = signers;
            this.base = base;
            this.lines = lines;
            this.list = list;
        }

        /** @throws LetterException DATA naming the first unknown tag, its file and line */
        public RenderedLetter render(Optional<Recipient> recipient) {
            return document(fillBody(requireKnownTags(recipient)));
        }

        /**
         * The letters as {@code check} looks at them: without a contact, and when a tag names the
         * recipient, for contacts whose columns a section tests hold {@code value} or are empty
         * (the others hold {@code value}), in the cases of {@link #blankColumnCases}, so that every branch a
         * contact's data chooses ({@code {{^recipient.title}}} inside {@code {{#recipient.org}}})
         * shows in one of them; each distinct letter once. Tags
         * are not checked: a bare {@code {{recipient.name}}}, which render stops on, prints
         * {@code value} without a contact, and an empty cell prints it too (sections take it for
         * empty), so that a path built from contact data is recognizable in every case.
         *
         * @throws LetterException DATA naming the letter-file line where filling in failed
         */
        public List<ContactCase> everyContactCase(String value) {
            String without = fillBody(new BlankContactData.NoContact(value));
            Set<String> forContacts = new LinkedHashSet<>();
            if (namesRecipient()) {
                List<String> columns = List.copyOf(contactColumns(signers));
                // A column no section tests prints the same, filled or empty (value either way):
                // only those a section tests change the letter, so only they are varied.
                Set<String> tested = sectionNames();
                List<String> varied = columns.stream()
                        .filter(c -> tested.contains(c) || tested.contains(TemplateModel.RECIPIENT + "." + c)).toList();
                for (List<String> blank : blankColumnCases(varied)) {
                    Map<String, Object> contact = new HashMap<>();
                    for (String column : columns) {
                        contact.put(column, blank.contains(column) ? new BlankContactData.Cell(value) : value);
                    }
                    forContacts.add(fillBody(contact));
                }
            }
            // Only the body differs: the signer list (100,000 lines, say) is added to each distinct one.
            List<ContactCase> cases = new ArrayList<>();
            cases.add(new ContactCase(document(without), true, !namesRecipient() || forContacts.remove(without)));
            forContacts.forEach(body -> cases.add(new ContactCase(document(body), false, true)));
            return cases;
        }

        /**
         * Contacts for seeing what the subject shows for contacts: first one whose every column
         * the template names holds {@code value}, then, in the cases of {@link #blankColumnCases},
         * ones with some columns empty ({@code ""}).
         */
        public List<Recipient> sampleContacts(String value) {
            List<String> columns = List.copyOf(contactColumns(signers));
            List<Recipient> contacts = new ArrayList<>();
            for (List<String> blank : blankColumnCases(columns)) {
                Map<String, String> fields = new HashMap<>();
                columns.forEach(column -> fields.put(column, blank.contains(column) ? "" : value));
                contacts.add(new Recipient(fields, 0));
            }
            return contacts;
        }

        /**
         * The body filled in for {@code recipientData}: a contact's columns, or null without one
         * ({@link BlankContactData} for check); its tags already checked, or not to be.
         */
        private String fillBody(Object recipientData) {
            Map<String, Object> root = TemplateModel.root(base, signers, lines, recipientData, list);
            // The body's {{subject}} is this message's: without a subject of its own, the title.
            root.put(TemplateModel.SUBJECT, subject.isEmpty() ? title() : fillSubject(recipientData));
            return body.fill(List.of(root));
        }

        private RenderedLetter document(String filledBody) {
            String filledTitle = title();
            return new RenderedLetter(letter, LetterTemplate.this.document(filledTitle, filledBody, list),
                    signers.count(), filledTitle);
        }

        /** The front matter {@code title} filled in (the same for every recipient), or as written. */
        public String title() {
            return (String) base.get(TemplateModel.TITLE);
        }

        /**
         * The email subject for a message (to {@code recipient} when made for a contact): the
         * front matter {@code subject} filled in, or the filled-in title when there is none. Not
         * stripped, and not checked as a header: that is the mail's job.
         *
         * @throws LetterException DATA naming the first unknown tag, its file and line
         */
        public String subject(Optional<Recipient> recipient) {
            if (subject.isEmpty()) {
                return title();
            }
            // Only the subject's own tags: the body's are for rendering to report, after every
            // contact's address and subject were checked.
            Object recipientData = recipient.map(r -> (Object) r.fields()).orElse(null);
            List<UnknownTag> unknown = unknownInSubject.computeIfAbsent(
                    recipient.map(r -> Set.copyOf(r.fields().keySet())),
                    columns -> TagChecker.check(subject.get(), List.of(TemplateModel.subjectData(base,
                            recipientData == null ? ModelShape.ABSENT : recipientData))));
            if (!unknown.isEmpty()) {
                throw unknownTag(unknown.get(0), recipient.isPresent());
            }
            return fillSubject(recipientData);
        }

        private String fillSubject(Object recipientData) {
            return subject.orElseThrow().fill(List.of(TemplateModel.subjectData(base, recipientData)));
        }

        /** The recipient's data, or null; throws for the first tag unknown with it. */
        private Object requireKnownTags(Optional<Recipient> recipient) {
            Object recipientData = recipient.map(r -> (Object) r.fields()).orElse(null);
            // Which tags are unknown depends only on which recipient columns exist, and every
            // contact of a batch has the same ones: check once per set of columns.
            List<UnknownTag> unknown = unknownByColumns.computeIfAbsent(
                    recipient.map(r -> Set.copyOf(r.fields().keySet())),
                    columns -> unknownTags(signers, recipientData == null ? ModelShape.ABSENT : recipientData));
            if (!unknown.isEmpty()) {
                throw unknownTag(unknown.get(0), recipient.isPresent());
            }
            return recipientData;
        }
    }

    /** Every tag naming data that would not exist; {@code recipient.*} counts as known. */
    public List<UnknownTag> unknownTags(SignerList signers) {
        return unknownTags(signers, ModelShape.ANY);
    }

    /**
     * Tags that work only when the letter is made for a contact ({@code send --contacts}):
     * {@code {{recipient.name}}} outside a {@code {{#recipient}}} section. Rendering without a
     * contact fails on them; tags unknown in any case are not listed here.
     */
    public List<UnknownTag> contactOnlyTags(SignerList signers) {
        List<UnknownTag> always = unknownTags(signers);
        return unknownTags(signers, ModelShape.ABSENT).stream().filter(tag -> !always.contains(tag)).toList();
    }

    /**
     * Whether any tag of the body or the subject names the recipient, so that a letter made for
     * a contact differs.
     */
    public boolean namesRecipient() {
        return namesRecipient(body.mustache().getCodes())
                || subject.map(s -> namesRecipient(s.mustache().getCodes())).orElse(false);
    }

    /** What the sections of the body and the subject test: {@code recipient.title} in {@code {{^recipient.title}}}. */
    private Set<String> sectionNames() {
        Set<String> names = new HashSet<>();
        sectionNames(body.mustache().getCodes(), names);
        subject.ifPresent(s -> sectionNames(s.mustache().getCodes(), names));
        return names;
    }

    private static void sectionNames(Code[] codes, Set<String> names) {
        if (codes == null) {
            return;
        }
        for (Code code : codes) {
            if (code instanceof SectionTagCode || code instanceof InvertedTagCode) {
                names.add(((TagCode) code).name());
            }
            sectionNames(code.getCodes(), names);
        }
    }

    private static boolean namesRecipient(Code[] codes) {
        if (codes == null) {
            return false;
        }
        for (Code code : codes) {
            if (code instanceof TagCode tag && (tag.name().split("\\.", 2)[0].equals(TemplateModel.RECIPIENT)
                    || namesRecipient(code.getCodes()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A letter {@code check} looks at ({@link Signed#everyContactCase}): the letter made
     * without a contact, or for contacts whose cells choose one set of branches.
     *
     * @param withoutContact whether render, and send without {@code --contacts}, make it
     * @param forContact     whether {@code send --contacts} makes it for some contact
     */
    public record ContactCase(RenderedLetter letter, boolean withoutContact, boolean forContact) {
    }

    /**
     * A contact for seeing what a letter made for one shows: {@code name}, {@code email} and every
     * column the template names as {@code recipient.COLUMN}, each holding {@code value}.
     */
    private Recipient sampleContact(String value) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", value);
        fields.put("email", value);
        recipientColumns(body.mustache().getCodes(), fields, value);
        subject.ifPresent(s -> recipientColumns(s.mustache().getCodes(), fields, value));
        return new Recipient(fields, 0);
    }

    /**
     * Which columns are empty in each contact that check looks at: none, all, each alone, and
     * all but each, so that every branch whose condition names up to two columns shows in one.
     * Never the email: a contacts file has no row without one.
     */
    private static List<List<String>> blankColumnCases(List<String> columns) {
        List<String> blankable = columns.stream().filter(c -> !c.equals("email")).toList();
        List<List<String>> cases = new ArrayList<>();
        cases.add(List.of());
        cases.add(blankable);
        for (String column : blankable) {
            cases.add(List.of(column));
            cases.add(blankable.stream().filter(c -> !c.equals(column)).toList());
        }
        // With one or two columns the same case comes up twice (all but one is the other alone).
        return cases.stream().distinct().toList();
    }

    /**
     * The columns of a contact that tags name: {@code name}, {@code email}, each
     * {@code recipient.COLUMN}, and inside {@code {{#recipient}}} each name that nothing else has
     * ({@code {{#recipient}}Dear {{region}} colleague{{/recipient}}}).
     */
    private Set<String> contactColumns(SignerList signers) {
        Map<String, Object> shape = new HashMap<>(sampleContact("").fields());
        Map<String, Object> base = TemplateModel.base(letter.front(), signers);
        Set<String> columns = new TreeSet<>(shape.keySet());
        SignerList seen = namesSigners ? signers : new SignerList(List.of());
        Map<String, Object> root = TemplateModel.rootShape(base, seen, shape);
        TagChecker.unknownNames(body, List.of(ModelShape.merge(root, TemplateModel.prototype())))
                .forEach(name -> columns.add(name.split("\\.", 2)[0]));
        subject.ifPresent(s -> TagChecker.unknownNames(s, List.of(TemplateModel.subjectData(base, shape)))
                .forEach(name -> columns.add(name.split("\\.", 2)[0])));
        // {{recipient.title.x}}: a cell holds no fields, and no column is called recipient.
        columns.remove(TemplateModel.RECIPIENT);
        return columns;
    }

    private static void recipientColumns(Code[] codes, Map<String, String> fields, String value) {
        if (codes == null) {
            return;
        }
        for (Code code : codes) {
            if (code instanceof TagCode tag) {
                String[] parts = tag.name().split("\\.", 3);
                if (parts.length > 1 && parts[0].equals(TemplateModel.RECIPIENT)) {
                    fields.put(parts[1], value);
                }
                recipientColumns(code.getCodes(), fields, value);
            }
        }
    }

    /** Whether the body places the signer list itself, so that it is not appended. */
    boolean placesSignerList() {
        return placesSignerList;
    }

    private List<UnknownTag> unknownTags(SignerList signers, Object recipient) {
        Map<String, Object> base = TemplateModel.base(letter.front(), signers);
        List<UnknownTag> unknown = new ArrayList<>();
        title.ifPresent(t -> unknown.addAll(TagChecker.check(t, List.of(TemplateModel.titleData(base)))));
        subject.ifPresent(s -> unknown.addAll(TagChecker.check(s, List.of(TemplateModel.subjectData(base, recipient)))));
        signerLine.ifPresent(snippet -> unknown.addAll(TagChecker.check(snippet,
                List.of(signerLineData(base, false), TemplateModel.signerShape(signers.all())))));
        SignerList seen = namesSigners ? signers : new SignerList(List.of());
        Map<String, Object> root = TemplateModel.rootShape(base, seen, recipient);
        unknown.addAll(TagChecker.check(body, List.of(ModelShape.merge(root, TemplateModel.prototype()))));
        unknown.sort(Comparator.comparingLong(UnknownTag::line));
        return List.copyOf(unknown);
    }

    private LetterException unknownTag(UnknownTag tag, boolean hasRecipient) {
        return unknownTag(tag, hasRecipient, false);
    }

    /** Whether {@code tag} is one of the title's: the title sees no recipient, whatever the contacts file has. */
    private boolean inTitle(UnknownTag tag, Map<String, Object> base) {
        return title.map(t -> TagChecker.check(t, List.of(TemplateModel.titleData(base))).contains(tag)).orElse(false);
    }

    private LetterException unknownTag(UnknownTag tag, boolean hasRecipient, boolean inTitle) {
        String message = "unknown tag '" + tag.tag() + "'";
        if (inTitle && tag.tag().matches("\\{+[#^]?recipient\\b.*")) {
            message += ": the title is the same in every message and sees no recipient data;"
                    + " name the recipient in the subject or the body";
        } else if (tag.tag().matches("\\{+[#^]?recipient\\b.*") && !hasRecipient) {
            message += ": recipient data exists only when the letter is rendered for a contact;"
                    + " to render it without one, put it inside {{#recipient}}...{{/recipient}}";
        } else if (tag.tag().matches("\\{+[#^]?recipient\\..*")) {
            message += ": the contacts file has no such column";
        }
        return new LetterException(Kind.DATA, letter.file(), tag.line(), null, message, null);
    }

    /** Title, date, the filled-in body and, unless the body placed it, the signer list. */
    private String document(String filledTitle, String filledBody, MarkdownText signerList) {
        FrontMatter front = letter.front();
        StringBuilder out = new StringBuilder(filledBody.length() + signerList.markdown().length() + 256);
        if (!filledTitle.isBlank()) {
            out.append("# ").append(MarkdownEscaper.escape(filledTitle.strip())).append("\n\n");
        }
        if (!front.date().isBlank()) {
            out.append(MarkdownEscaper.escape(HeadingLine.of(front.date()).strip())).append("\n\n");
        }
        String text = LEADING_BLANK_LINES.matcher(filledBody).replaceFirst("").stripTrailing();
        if (!text.isEmpty()) {
            out.append(text).append("\n\n");
        }
        if (!placesSignerList) {
            out.append(signerList.markdown()).append('\n');
        }
        return TrailingWhitespace.replaceWithNewline(out);
    }

    private static boolean placesSignerList(Code[] codes) {
        if (codes == null) {
            return false;
        }
        for (Code code : codes) {
            if (code instanceof TagCode tag && placesSignerList(tag, code)) {
                return true;
            }
            if (code instanceof TagCode && placesSignerList(code.getCodes())) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesSigners(Code[] codes) {
        if (codes == null) {
            return false;
        }
        for (Code code : codes) {
            if (code instanceof TagCode tag) {
                String first = tag.name().split("\\.", 2)[0];
                if (first.equals(TemplateModel.SIGNERS) || first.equals(TemplateModel.GROUPS)
                        || namesSigners(code.getCodes())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean placesSignerList(TagCode tag, Code code) {
        return switch (tag.name()) {
            case LetterMustacheVisitor.SIGNER_LIST_KEY -> true;
            case TemplateModel.GROUPS, TemplateModel.SIGNERS -> code instanceof SectionTagCode;
            default -> false;
        };
    }
}
