package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderTest {

    @TempDir
    Path dir;

    @Test
    void accentedLettersSortWithTheirBaseLetterInEnglish() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization",
                "Zenith Fund",
                "Ñandutí Network",
                "Éditions Liberté",
                "Nova Collective",
                "Oak Alliance",
                "Ember Project",
                "Durango Center"));

        assertThat(Csv.names(Csv.load(csv))).containsExactly(
                "Durango Center", "Éditions Liberté", "Ember Project", "Ñandutí Network",
                "Nova Collective", "Oak Alliance", "Zenith Fund");
    }

    @Test
    void leadingTheIsIgnoredForOrderingButKept() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization",
                "The Sanctuary Network",
                "Riverbend Project",
                "the Alpha Group",
                "Theater Collective",
                "Tallgrass Fund"));

        assertThat(Csv.names(Csv.load(csv))).containsExactly(
                "the Alpha Group", "Riverbend Project", "The Sanctuary Network", "Tallgrass Fund",
                "Theater Collective");
    }

    @Test
    void localeDecidesTheOrder() {
        Path csv = Csv.write(dir, Csv.lines("Organization", "Ñandutí Network", "Oak Alliance", "Nova Collective"));

        SignerSheet spanish = SignerLoader.load(csv,
                new SignerOptions(Map.of(), List.of(), Locale.forLanguageTag("es")));

        assertThat(Csv.names(spanish)).containsExactly("Nova Collective", "Ñandutí Network", "Oak Alliance");
    }

    @Test
    void namesEqualForTheCollatorAreOrderedByLine() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,Consent",
                "Zeta,yes",
                "Alpha Group,yes",
                "Alpha  Group,no",
                "Alpha Group,yes"));

        SignerSheet sheet = Csv.load(csv);

        assertThat(sheet.list().all()).extracting(Signer::line).containsExactly(3L, 2L);
    }

    @Test
    void orderIsTheSameWhateverTheRowOrder() {
        List<String> names = List.of("The Alpha Group", "Alpha Group Two", "alpha group", "ALPHA GROUP!",
                "Équipe", "Equipe", "equipe");
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);

        assertThat(sortedWithoutDuplicateCheck(names)).isEqualTo(sortedWithoutDuplicateCheck(reversed));
    }

    /**
     * The table-built primary keys are a shortcut: whatever the locale, the order must be the
     * one plain collation keys give.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "en", "es", "cs", "sk", "hu", "hr", "sv", "da", "de", "fr-CA", "tr", "lt", "el", "ru", "vi", "th", "ja"})
    void shortcutGivesTheCollatorsOrder(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        List<String> names = randomNames(new Random(tag.hashCode()), 1500);
        SignerOrder order = new SignerOrder(locale);
        List<SignerOrder.Keyed> keyed = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            keyed.add(order.keyed(new Signer(i + 2, names.get(i), "", "", "", "", Map.of())));
        }

        List<String> actual = order.sort(keyed).stream().map(Signer::organization).toList();

        assertThat(actual).isEqualTo(collatorOrder(names, locale));
    }

    private static List<String> collatorOrder(List<String> names, Locale locale) {
        Collator collator = Collator.getInstance(locale);
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        record Entry(String name, int line, CollationKey key) {
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            entries.add(new Entry(name, i + 2, collator.getCollationKey(NameKey.withoutLeadingThe(name))));
        }
        entries.sort(Comparator.comparing(Entry::key)
                .thenComparing(Entry::name, collator)
                .thenComparing(Entry::name)
                .thenComparingInt(Entry::line));
        return entries.stream().map(Entry::name).toList();
    }

    /** Names mixing scripts, accents, case, punctuation and contractions such as ch, lj, cs. */
    private static List<String> randomNames(Random random, int count) {
        String[] pieces = {"a", "A", "ch", "Ch", "CH", "c", "h", "cs", "dz", "dzs", "lj", "nj", "ll", "ñ", "Ñ", "n",
            "é", "É", "e", "E", "ö", "o", "å", "æ", "ß", "ss", "ı", "İ", "i", "ş", "z", "Z", "ž", "č", "y", "ý",
            "the ", "The ", " ", "-", "'", "’", "&", "*", "_", ".", ",", "(", ")", "1", "9", "ά", "α", "Ω", "ж",
            "Ж", "ё", "е", "ш", "ก", "เก", "ค", "ا", "ب", "カ", "か", "ー", "中", "e\u0301", "o\u0308"};
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder name = new StringBuilder();
            int length = 1 + random.nextInt(7);
            for (int j = 0; j < length; j++) {
                name.append(pieces[random.nextInt(pieces.length)]);
            }
            names.add(name.toString());
        }
        return names;
    }

    private List<String> sortedWithoutDuplicateCheck(List<String> names) {
        SignerOrder order = new SignerOrder(Locale.ENGLISH);
        List<SignerOrder.Keyed> keyed = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            keyed.add(order.keyed(new Signer(1, names.get(i), "", "", "", "", Map.of())));
        }
        return order.sort(keyed).stream().map(Signer::organization).toList();
    }
}
