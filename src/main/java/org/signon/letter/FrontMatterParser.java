package org.signon.letter;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.signon.SignonException.Kind;
import org.signon.signers.SignerField;
import org.signon.signers.SignerKind;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses front matter YAML into {@link FrontMatter}, working on SnakeYAML's node tree so that
 * every key keeps the line it was written on and a wrong value can be pointed at.
 */
final class FrontMatterParser {

    /** Names the template fills in itself; front matter cannot define them. */
    private static final Set<String> RESERVED = Set.of("signer_count", "recipient");

    private final Path file;
    private final int firstLine;
    private final LoaderOptions options;
    private final Map<String, Integer> lines = new LinkedHashMap<>();
    private final Map<String, Object> data = new HashMap<>();
    private final Map<String, Node> known = new HashMap<>();

    private FrontMatterParser(Path file, int firstLine) {
        this.file = file;
        this.firstLine = firstLine;
        this.options = new LoaderOptions();
        options.setMergeOnCompose(true);
    }

    /**
     * @param yaml      the front matter text
     * @param firstLine the letter-file line where {@code yaml} starts
     */
    static FrontMatter parse(String yaml, int firstLine, Path file) {
        return new FrontMatterParser(file, firstLine).parse(yaml);
    }

    private FrontMatter parse(String yaml) {
        Node root = compose(yaml);
        if (root != null) {
            if (!(root instanceof MappingNode mapping)) {
                throw new LetterException(file, lineOf(root),
                        "front matter must be 'key: value' lines (title:, to:, signers:...)");
            }
            mapping.getValue().forEach(this::collect);
        }
        return build();
    }

    private Node compose(String yaml) {
        try {
            // The composer alone, not Yaml: only the node tree is needed, and Yaml would also
            // build (and load the classes of) a constructor and a representer.
            return new Composer(new ParserImpl(new StreamReader(new StringReader(yaml)), options), new Resolver(), options)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            throw badYaml(e);
        } catch (YAMLException e) {
            throw new LetterException(Kind.DATA, file, firstLine, null,
                    "front matter is not valid YAML: " + e.getMessage(), e);
        }
    }

    private LetterException badYaml(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        long line = mark == null ? firstLine : firstLine + mark.getLine();
        String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
        String where = "";
        if (e.getProblem() != null && e.getContext() != null && e.getContextMark() != null) {
            where = " (" + oneLine(e.getContext()) + " started on line " + (firstLine + e.getContextMark().getLine()) + ")";
        }
        return new LetterException(Kind.DATA, file, line, null,
                "front matter is not valid YAML: " + oneLine(problem) + where, e);
    }

    private void collect(NodeTuple tuple) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode scalarKey) || scalarKey.getTag().equals(Tag.NULL)) {
            throw new LetterException(file, lineOf(keyNode), "front matter keys must be plain names");
        }
        String key = scalarKey.getValue();
        Node value = tuple.getValueNode();
        Integer earlier = lines.putIfAbsent(key, lineOf(value));
        if (earlier != null) {
            throw new LetterException(Kind.DATA, file, lineOf(keyNode), key,
                    "key '" + key + "' is written twice (first on line " + earlier + ")", null);
        }
        if (value instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                lines.put(FrontMatter.itemKey(key, i), lineOf(items.get(i)));
            }
        }
        if (FrontMatterKey.isKnown(key)) {
            known.put(key, value);
        } else {
            data.put(key, dataValue(key, value));
        }
    }

    private Object dataValue(String key, Node value) {
        if (RESERVED.contains(key)) {
            throw wrong(key, "'" + key + "' is filled in by signon and cannot be set in front matter");
        }
        try {
            return new FrontMatterConstructor(options).construct(value);
        } catch (MarkedYAMLException e) {
            throw badYaml(e);
        } catch (FrontMatterConstructor.TooDeep e) {
            throw wrong(key, "'" + key + "' is nested too deeply (an alias that contains itself?)");
        }
    }

    private FrontMatter build() {
        String title = text(FrontMatterKey.TITLE);
        String subject = text(FrontMatterKey.SUBJECT);
        return new FrontMatter(
                title,
                text(FrontMatterKey.DATE),
                subject.isEmpty() ? title : subject,
                text(FrontMatterKey.FROM),
                addresses(FrontMatterKey.TO),
                addresses(FrontMatterKey.CC),
                addresses(FrontMatterKey.BCC),
                addresses(FrontMatterKey.REPLY_TO),
                text(FrontMatterKey.SIGNERS),
                columns(),
                groups(),
                lang(),
                text(FrontMatterKey.SIGNER_LINE),
                paper(),
                text(FrontMatterKey.LOGO),
                attach(),
                signersAre(),
                data,
                lines);
    }

    private String text(String key) {
        Node node = known.get(key);
        if (node == null || isNull(node)) {
            return "";
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw wrong(key, "'" + key + "' must be a single text value, not " + describe(node));
    }

    private List<String> addresses(String key) {
        Node node = known.get(key);
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue().isBlank() ? List.of() : List.of(scalar.getValue().strip());
        }
        return textList(key, node, "an address ('Name <name@example.org>') or a list of addresses");
    }

    private List<String> groups() {
        Node node = known.get(FrontMatterKey.GROUPS);
        if (node == null || isNull(node)) {
            return List.of();
        }
        return textList(FrontMatterKey.GROUPS, node, "a list of category names");
    }

    private List<String> textList(String key, Node node, String expected) {
        if (!(node instanceof SequenceNode sequence)) {
            throw wrong(key, "'" + key + "' must be " + expected + ", not " + describe(node));
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar) || isNull(item) || scalar.getValue().isBlank()) {
                throw new LetterException(Kind.DATA, file, lineOf(item), key,
                        "'" + key + "' must be " + expected + "; this entry is " + describe(item), null);
            }
            values.add(scalar.getValue().strip());
        }
        return values;
    }

    private Map<String, String> columns() {
        Node node = known.get(FrontMatterKey.COLUMNS);
        if (node == null || isNull(node)) {
            return Map.of();
        }
        if (!(node instanceof MappingNode mapping)) {
            // The example header is one this letter's signers would have (a wrong signers_are fails later).
            boolean people = known.get(FrontMatterKey.SIGNERS_ARE) instanceof ScalarNode kind
                    && SignerKind.fromKey(kind.getValue()).orElse(null) == SignerKind.PEOPLE;
            throw wrong(FrontMatterKey.COLUMNS, "'columns' must map signer fields to CSV headers"
                    + " (organization: \"" + (people ? "Full name" : "Organization name") + "\"), not " + describe(node));
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String field = scalarText(tuple.getKeyNode());
            if (SignerField.fromKey(field).isEmpty()) {
                throw new LetterException(Kind.DATA, file, lineOf(tuple.getKeyNode()), FrontMatterKey.COLUMNS,
                        "'columns' names unknown signer field '" + field + "' (known: " + SignerField.keys() + ")", null);
            }
            String header = scalarText(tuple.getValueNode());
            if (header == null || header.isBlank()) {
                throw new LetterException(Kind.DATA, file, lineOf(tuple.getValueNode()), FrontMatterKey.COLUMNS,
                        "'columns' must give a CSV header for '" + field + "'", null);
            }
            columns.put(field, header.strip());
        }
        return columns;
    }

    private String lang() {
        String lang = text(FrontMatterKey.LANG).strip().replace('_', '-');
        if (lang.isEmpty()) {
            return "en";
        }
        try {
            return new Locale.Builder().setLanguageTag(lang).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw wrong(FrontMatterKey.LANG, "'lang' must be a language tag like en, fr or pt-BR, not '" + lang + "'");
        }
    }

    private String paper() {
        String paper = text(FrontMatterKey.PAPER).strip().toLowerCase(Locale.ROOT);
        if (paper.isEmpty()) {
            return "letter";
        }
        if (!paper.equals("letter") && !paper.equals("a4")) {
            throw wrong(FrontMatterKey.PAPER, "'paper' must be letter or a4, not '" + paper + "'");
        }
        return paper;
    }

    private String attach() {
        String attach = text(FrontMatterKey.ATTACH).strip().toLowerCase(Locale.ROOT);
        if (!attach.isEmpty() && !attach.equals("pdf")) {
            throw wrong(FrontMatterKey.ATTACH, "'attach' can only be pdf, not '" + attach + "'");
        }
        return attach;
    }

    private SignerKind signersAre() {
        String value = text(FrontMatterKey.SIGNERS_ARE);
        if (value.isBlank()) {
            return SignerKind.ORGANIZATIONS;
        }
        return SignerKind.fromKey(value).orElseThrow(() -> wrong(FrontMatterKey.SIGNERS_ARE,
                "'signers_are' must be organizations or people, not '" + value.strip() + "'"));
    }

    private LetterException wrong(String key, String message) {
        return new LetterException(Kind.DATA, file, lines.getOrDefault(key, firstLine), key, message, null);
    }

    private int lineOf(Node node) {
        return firstLine + node.getStartMark().getLine();
    }

    private static String scalarText(Node node) {
        return node instanceof ScalarNode scalar && !isNull(node) ? scalar.getValue() : null;
    }

    private static boolean isNull(Node node) {
        return node.getTag().equals(Tag.NULL);
    }


    private static String describe(Node node) {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a map";
        }
        Tag tag = node.getTag();
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "a number";
        }
        if (tag.equals(Tag.BOOL)) {
            return "true/false";
        }
        if (tag.equals(Tag.NULL)) {
            return "empty";
        }
        return "text";
    }

    private static String oneLine(String text) {
        return text == null ? "syntax error" : text.replaceAll("\\s+", " ").strip();
    }
}
