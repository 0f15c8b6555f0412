package org.signon.signers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Signer#columns()} as loaded from a CSV: a Map like any other, and immutable. */
class RowColumnsTest {

    @TempDir
    Path dir;

    @Test
    void readsEachHeaderOnceTheFirstColumnWhenAHeaderRepeats() {
        Path csv = Csv.write(dir, Csv.lines(
                "Organization,City,Notes,,Notes,State",
                "Riverbend Project, Riverbend ,first note,unnamed,second note,OR"));

        Map<String, String> columns = Csv.load(csv).list().all().get(0).columns();

        assertThat(columns).hasSize(4);
        assertThat(columns.get("Organization")).isEqualTo("Riverbend Project");
        assertThat(columns.get("City")).isEqualTo("Riverbend");
        assertThat(columns.get("Notes")).isEqualTo("first note");
        assertThat(columns.get("State")).isEqualTo("OR");
        assertThat(columns.get("")).isNull();
        assertThat(columns.get("Email")).isNull();
        assertThat(columns.getOrDefault("Email", "none")).isEqualTo("none");
        assertThat(columns.containsKey("Notes")).isTrue();
        assertThat(columns.containsKey("")).isFalse();
        assertThat(columns.containsValue("OR")).isTrue();
        assertThat(columns.containsValue("second note")).isFalse();
        assertThat(columns.containsValue("unnamed")).isFalse();
    }

    @Test
    void iteratesInFileOrder() {
        Path csv = Csv.write(dir, Csv.lines("Zone,Organization,Area,City", "north,Oak Alliance,12,Salem"));

        Map<String, String> columns = Csv.load(csv).list().all().get(0).columns();

        assertThat(columns.keySet()).containsExactly("Zone", "Organization", "Area", "City");
        assertThat(new ArrayList<>(columns.values())).containsExactly("north", "Oak Alliance", "12", "Salem");
        List<String> visited = new ArrayList<>();
        columns.forEach((header, value) -> visited.add(header + "=" + value));
        assertThat(visited).containsExactly("Zone=north", "Organization=Oak Alliance", "Area=12", "City=Salem");
        assertThat(columns.entrySet()).extracting(Map.Entry::getKey)
                .containsExactly("Zone", "Organization", "Area", "City");
        assertThat(columns).hasToString("{Zone=north, Organization=Oak Alliance, Area=12, City=Salem}");
    }

    @Test
    void equalsAndHashesLikeAnyMapWithTheSameEntries() {
        Path csv = Csv.write(dir, Csv.lines("Organization,City,,State", "Oak Alliance,Salem,,OR"));

        Map<String, String> columns = Csv.load(csv).list().all().get(0).columns();
        Map<String, String> same = new HashMap<>(Map.of("Organization", "Oak Alliance", "City", "Salem", "State", "OR"));

        assertThat(columns).isEqualTo(same);
        assertThat(same).isEqualTo(columns);
        assertThat(columns.hashCode()).isEqualTo(same.hashCode());
        assertThat(columns).isEqualTo(Map.copyOf(same));
        same.put("State", "WA");
        assertThat(columns).isNotEqualTo(same);
        assertThat(same).isNotEqualTo(columns);
    }

    @Test
    void aSignerMadeFromLoadedColumnsEqualsOneMadeFromAPlainMap() {
        Path csv = Csv.write(dir, Csv.lines("Organization,City", "Oak Alliance,Salem"));

        Signer loaded = Csv.load(csv).list().all().get(0);
        Signer plain = new Signer(loaded.line(), "Oak Alliance", "Salem", "", "", "",
                Map.of("Organization", "Oak Alliance", "City", "Salem"));

        assertThat(loaded).isEqualTo(plain);
        assertThat(plain).isEqualTo(loaded);
        assertThat(loaded.hashCode()).isEqualTo(plain.hashCode());
        assertThat(new Signer(1, "Oak Alliance", "", "", "", "", loaded.columns()).columns())
                .isSameAs(loaded.columns());
    }

    @Test
    void rowsOfOneFileShareTheirHeaderSet() {
        Path csv = Csv.write(dir, Csv.lines("Organization,City", "Oak Alliance,Salem", "Elm Fund,Eugene"));

        List<Signer> signers = Csv.load(csv).list().all();

        assertThat(signers.get(0).columns().keySet()).isSameAs(signers.get(1).columns().keySet());
        assertThat(signers.get(1).columns().get("City")).isEqualTo("Salem");
    }

    @Test
    void cannotBeChanged() {
        Path csv = Csv.write(dir, Csv.lines("Organization,City", "Oak Alliance,Salem"));

        Map<String, String> columns = Csv.load(csv).list().all().get(0).columns();

        assertThatThrownBy(() -> columns.put("City", "Portland")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.put("Email", "a@example.org"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.remove("Absent")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.remove("City", "Salem")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(columns::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.putAll(Map.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.putIfAbsent("City", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.replace("City", "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.replace("City", "Salem", "x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.replaceAll((k, v) -> v)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.computeIfAbsent("Absent", k -> "x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.computeIfPresent("Absent", (k, v) -> v))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.compute("City", (k, v) -> v))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.merge("City", "x", (a, b) -> a))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.keySet().remove("City")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> columns.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        var entries = columns.entrySet().iterator();
        entries.next();
        assertThatThrownBy(entries::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThat(columns).containsEntry("City", "Salem").hasSize(2);
    }

    @Test
    void refusesNullLikeMapCopyOf() {
        Path csv = Csv.write(dir, Csv.lines("Organization", "Oak Alliance"));

        Map<String, String> columns = Csv.load(csv).list().all().get(0).columns();

        assertThatThrownBy(() -> columns.get(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> columns.containsKey(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> columns.containsValue(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Map.copyOf(Map.of("a", "b")).get(null)).isInstanceOf(NullPointerException.class);
    }
}
