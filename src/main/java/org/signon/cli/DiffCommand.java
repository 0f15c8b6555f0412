package org.signon.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signon.SignonException;
import org.signon.SignonException.Kind;
import org.signon.letter.Letter;
import org.signon.letter.LetterReader;
import org.signon.signers.Signer;
import org.signon.signers.SignerDiff;
import org.signon.signers.SignerField;
import org.signon.signers.SignerKind;
import org.signon.signers.SignerLoader;
import org.signon.signers.SignerOptions;
import org.signon.signers.SignerSheet;
import org.signon.signers.SignerSnapshot;
import org.signon.signers.SignersException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "diff",
        description = {
            "Show which signers were added, removed or renamed.",
            "  signon diff OLD.csv NEW.csv   compares two exports of the form, as lists of",
            "                                organizations unless --signers-are people;",
            "  signon diff LETTER            compares the letter's signers now with the",
            "                                list as last sent (LETTER's .sent-signers.csv).",
        })
final class DiffCommand implements Callable<Integer> {

    @Parameters(arity = "1..2", paramLabel = "FILE", description = "OLD.csv NEW.csv, or one LETTER.md.")
    List<Path> files;

    @Option(names = "--json", description = "Print the changes as JSON for scripts.")
    boolean json;

    @Option(names = "--signers-are", paramLabel = "KIND", completionCandidates = SignerKindKeys.class,
            description = "organizations (default) or people: who signed the two CSVs. "
                    + "A letter says it itself (front matter signers_are).")
    String signersAre;

    @Mixin
    SignerSource signers;

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        if (files.size() > 2) {
            throw new SignonException(Kind.USAGE, null, 0, null, "diff compares two CSVs (OLD.csv NEW.csv) or one"
                    + " letter with its list as last sent, not " + files.size() + " files", null);
        }
        if (files.size() == 1 && files.get(0).getFileName() != null
                && files.get(0).getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new SignonException(Kind.USAGE, null, 0, null, "diff needs two CSVs, the older export first"
                    + " ('signon diff OLD.csv NEW.csv'), or one letter ('signon diff LETTER.md')", null);
        }
        if (files.size() == 2 && signers.signers != null) {
            throw new SignonException(Kind.USAGE, null, 0, null,
                    "--signers goes with 'signon diff LETTER'; two CSVs are compared as they are", null);
        }
        SignerKind kindOfFiles = kindOfFiles();
        Comparison comparison = files.size() == 2 ? betweenFiles(kindOfFiles) : sinceLastSent(files.get(0));
        SignerDiff diff = SignerDiff.between(comparison.before(), comparison.after(), comparison.kind());
        PrintWriter out = main.out();
        if (json) {
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(toJson(comparison, diff)));
        } else {
            printText(out, comparison, diff);
        }
        out.flush();
        return ExitCode.OK.code();
    }

    /** Two signer lists of one kind: the letter's, or --signers-are for two CSVs. */
    private record Comparison(SignerSheet before, SignerSheet after, SignerKind kind) {
    }

    /**
     * Who signed two CSVs: --signers-are, else organizations. Refused with a letter rather than
     * checked against it: a letter has one answer, in its front matter, and two would disagree.
     */
    private SignerKind kindOfFiles() {
        if (signersAre == null) {
            return SignerKind.ORGANIZATIONS;
        }
        SignerKind kind = SignerKind.fromKey(signersAre).orElseThrow(() -> new SignonException(Kind.USAGE, null, 0,
                null, "--signers-are must be organizations or people, not '" + signersAre.strip() + "'", null));
        if (files.size() == 1) {
            throw new SignonException(Kind.USAGE, null, 0, null, "--signers-are goes with 'signon diff OLD.csv "
                    + "NEW.csv'; a letter says who signs it with signers_are in its front matter", null);
        }
        return kind;
    }

    private Comparison betweenFiles(SignerKind kind) {
        // --column maps both exports alike: the same form exported twice has the same headers.
        SignerOptions options = new SignerOptions(signers.columnsGiven(), List.of(), Locale.ENGLISH, kind);
        return new Comparison(load(files.get(0), options), load(files.get(1), options), kind);
    }

    /** An export of people read as organizations has no organization column: say how to read it. */
    private SignerSheet load(Path csv, SignerOptions options) {
        try {
            return SignerLoader.load(csv, options);
        } catch (SignersException e) {
            if (signersAre != null || !SignerField.ORGANIZATION.key().equals(e.field())) {
                throw e;
            }
            throw new SignersException(e.kind(), e.file(), e.line(), e.field(),
                    e.getMessage() + "; if the rows are people, add --signers-are people", e);
        }
    }

    private Comparison sinceLastSent(Path letterFile) {
        Letter letter = LetterReader.read(letterFile);
        Path snapshot = SignerSnapshot.pathFor(letterFile);
        if (!Files.exists(snapshot)) {
            throw new SignonException(Kind.NO_INPUT, snapshot, 0, null,
                    "no record of a sent signer list: 'signon send --send' writes it; "
                            + "or compare two exports with 'signon diff OLD.csv NEW.csv'", null);
        }
        SignerKind kind = letter.front().signersAre();
        // The snapshot names its columns itself; among people, "organization" is not a name header.
        SignerOptions asSaved = new SignerOptions(Map.of(SignerField.ORGANIZATION, "organization"), List.of(),
                Locale.ENGLISH, kind);
        return new Comparison(SignerLoader.load(snapshot, asSaved), signers.load(letter), kind);
    }

    private static void printText(PrintWriter out, Comparison comparison, SignerDiff diff) {
        int before = comparison.before().list().count();
        int after = comparison.after().list().count();
        out.printf("%s -> %s: %d -> %d signers%n", comparison.before().report().file(),
                comparison.after().report().file(), before, after);
        if (diff.isEmpty()) {
            out.println("no changes");
            return;
        }
        section(out, diff.added().size(), "added", comparison.kind());
        diff.added().forEach(s -> out.println("  + " + s.organization()));
        section(out, diff.removed().size(), "removed", comparison.kind());
        diff.removed().forEach(s -> out.println("  - " + s.organization()));
        section(out, diff.renamed().size(), "renamed", comparison.kind());
        diff.renamed().forEach(r -> out.println("  ~ " + r.before().organization() + " -> " + r.after().organization()));
    }

    private static void section(PrintWriter out, int count, String what, SignerKind kind) {
        if (count > 0) {
            out.printf("%s %s:%n", SignerWords.of(kind).counted(count), what);
        }
    }

    private static Map<String, Object> toJson(Comparison comparison, SignerDiff diff) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("before", side(comparison.before()));
        json.put("after", side(comparison.after()));
        json.put("added", diff.added().stream().map(DiffCommand::signer).toList());
        json.put("removed", diff.removed().stream().map(DiffCommand::signer).toList());
        json.put("renamed", diff.renamed().stream().map(r -> {
            Map<String, Object> rename = new LinkedHashMap<>();
            rename.put("before", r.before().organization());
            rename.put("after", r.after().organization());
            rename.put("line", r.after().line());
            return rename;
        }).toList());
        return json;
    }

    private static Map<String, Object> side(SignerSheet sheet) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("file", sheet.report().file().toString());
        side.put("signers", sheet.list().count());
        return side;
    }

    private static Map<String, Object> signer(Signer s) {
        Map<String, Object> signer = new LinkedHashMap<>();
        signer.put("organization", s.organization());
        signer.put("category", s.category());
        signer.put("line", s.line());
        return signer;
    }

    /** The values --signers-are takes, for shell completion. */
    static final class SignerKindKeys implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(SignerKind.values()).map(SignerKind::key).iterator();
        }
    }
}
