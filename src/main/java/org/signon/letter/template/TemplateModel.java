package org.signon.letter.template;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.signon.letter.FrontMatter;
import org.signon.signers.Signer;
import org.signon.signers.SignerGroup;
import org.signon.signers.SignerList;

/**
 * The data a letter template sees, as plain maps and lists (the only things the template's
 * object handler looks into).
 */
final class TemplateModel {

    static final String TITLE = "title";
    static final String SUBJECT = "subject";
    static final String SIGNERS = "signers";
    static final String GROUPS = "groups";
    static final String SIGNER_COUNT = "signer_count";
    static final String RECIPIENT = "recipient";
    static final String LINE_TEXT = "line_text";

    private static final Signer NO_ONE = new Signer(0, "", "", "", "", "", Map.of());

    private TemplateModel() {
    }

    /** What every template sees: front matter data, title, date, subject, lang and the count. */
    static Map<String, Object> base(FrontMatter front, SignerList signers) {
        Map<String, Object> base = new HashMap<>(front.data());
        base.put(TITLE, front.title());
        base.put("date", front.date());
        base.put(SUBJECT, front.subject());
        base.put("lang", front.lang());
        base.put(SIGNER_COUNT, signers.count());
        return base;
    }

    /** What the {@code title} sees: the base without the title and subject, which it is part of. */
    static Map<String, Object> titleData(Map<String, Object> base) {
        Map<String, Object> data = new HashMap<>(base);
        data.remove(TITLE);
        data.remove(SUBJECT);
        return data;
    }

    /**
     * What the {@code subject} sees: the base with the filled-in title, without the subject
     * itself, and the recipient when the message is made for a contact.
     *
     * @param recipient the recipient's fields, {@link ModelShape#ANY}, {@link ModelShape#ABSENT}, or null
     */
    static Map<String, Object> subjectData(Map<String, Object> base, Object recipient) {
        Map<String, Object> data = new HashMap<>(base);
        data.remove(SUBJECT);
        if (recipient != null) {
            data.put(RECIPIENT, recipient);
        }
        return data;
    }

    /** A signer as a {@code signer_line} sees it: every CSV column by header, then the fields. */
    static Map<String, Object> signerFields(Signer signer) {
        Map<String, Object> fields = new HashMap<>(signer.columns());
        fields.put("organization", text(signer.organization()));
        fields.put("city", text(signer.city()));
        fields.put("state", text(signer.state()));
        fields.put("country", text(signer.country()));
        fields.put("category", text(signer.category()));
        return fields;
    }

    /**
     * The body's data.
     *
     * @param lines      each signer's formatted line, in {@link SignerList#all()} order
     * @param recipient  the recipient's fields, {@link ModelShape#ANY}, or null when there is none
     * @param signerList the Markdown {@code {{> signers}}} inserts
     */
    static Map<String, Object> root(Map<String, Object> base, SignerList signers, List<MarkdownText> lines,
            Object recipient, MarkdownText signerList) {
        List<Map<String, Object>> groups = new ArrayList<>();
        int offset = 0;
        for (SignerGroup group : signers.groups()) {
            int size = group.signers().size();
            List<Map<String, Object>> members = views(group.signers(), lines.subList(offset, offset + size));
            offset += size;
            groups.add(Map.of("name", text(group.name()), SIGNERS, members, "count", size));
        }
        return withSigners(base, views(signers.all(), lines), groups, recipient, signerList);
    }

    /**
     * What {@link #root} looks like to {@link TagChecker}: each list of signers stands for all
     * of them by one map with every name any of them has, so checking does not grow with the list.
     */
    static Map<String, Object> rootShape(Map<String, Object> base, SignerList signers, Object recipient) {
        List<Map<String, Object>> all = listShape(signers.all());
        // The checker merges all groups into one, so every group's signers may share one shape.
        List<Map<String, Object>> groups = new ArrayList<>();
        for (SignerGroup group : signers.groups()) {
            groups.add(Map.of("name", text(group.name()), SIGNERS, group.signers().isEmpty() ? List.of() : all,
                    "count", group.signers().size()));
        }
        return withSigners(base, all, groups, recipient, MarkdownText.EMPTY);
    }

    private static Map<String, Object> withSigners(Map<String, Object> base, List<Map<String, Object>> all,
            List<Map<String, Object>> groups, Object recipient, MarkdownText signerList) {
        Map<String, Object> root = new HashMap<>(base);
        root.put(SIGNERS, all);
        root.put(GROUPS, groups);
        if (recipient != null) {
            root.put(RECIPIENT, recipient);
        }
        root.put(LetterMustacheVisitor.SIGNER_LIST_KEY, signerList);
        return root;
    }

    /** The signers as maps made only when a template looks at one (most letters never do). */
    private static List<Map<String, Object>> views(List<Signer> signers, List<MarkdownText> lines) {
        return new AbstractList<>() {
            @Override
            public Map<String, Object> get(int index) {
                return new SignerView(signers.get(index), lines.get(index));
            }

            @Override
            public int size() {
                return signers.size();
            }
        };
    }

    private static List<Map<String, Object>> listShape(List<Signer> signers) {
        if (signers.isEmpty()) {
            return List.of();
        }
        Map<String, Object> shape = signerShape(signers);
        shape.put(LINE_TEXT, MarkdownText.EMPTY);
        return List.of(shape);
    }

    /**
     * Every name a {@code signer_line} can use, with or without signers. Rows of one CSV share
     * their headers, so each distinct header set is added once rather than once per signer.
     */
    static Map<String, Object> signerShape(List<Signer> signers) {
        Map<String, Object> shape = new HashMap<>();
        Set<String> previous = null;
        for (Signer signer : signers) {
            Set<String> headers = signer.columns().keySet();
            if (!headers.equals(previous)) {
                signer.columns().forEach(shape::putIfAbsent);
                previous = headers;
            }
        }
        shape.putAll(signerFields(NO_ONE));
        return shape;
    }

    /** Names that exist even when there are no signers yet, so an empty list checks the same. */
    static Map<String, Object> prototype() {
        Map<String, Object> signer = signerFields(NO_ONE);
        signer.put(LINE_TEXT, MarkdownText.EMPTY);
        return Map.of(
                SIGNERS, List.of(signer),
                GROUPS, List.of(Map.of("name", "", SIGNERS, List.of(signer), "count", 0)),
                SIGNER_COUNT, 0);
    }

    static String text(String value) {
        return value == null ? "" : value;
    }
}
