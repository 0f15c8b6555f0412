package org.signon.signers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.signon.signers.SignerReport.Basis;
import org.signon.signers.SignerReport.SharedName;

/**
 * Decides which rows of a list of people repeat an earlier signer, and remembers the listed
 * people who share a name. Two people may share a name, so a name alone never drops a row:
 * <ul>
 *   <li>a row with an email repeats the earlier row with the same email (trimmed, any case);</li>
 *   <li>a row without one repeats an earlier row with the same name key and the same city,
 *       state and country, as cleaned.</li>
 * </ul>
 * A row with an email is never dropped for its name and place: listing someone twice shows in
 * {@code check}, dropping a signer does not show in the letter.
 */
final class PeopleIndex {

    /** Between the parts of a name-and-place key; cleaned text holds no NUL. */
    private static final char SEPARATOR = '\0';

    private final int emailColumn;
    private final int cityColumn;
    private final int stateColumn;
    private final int countryColumn;
    private final Map<String, Signer> byEmail = new HashMap<>();
    private final Map<String, Signer> byNameAndPlace = new HashMap<>();
    private final Map<String, Listed> firstByName = new HashMap<>();
    /** Every listed row of each name listed more than once, by name key, in order of first line. */
    private final Map<String, List<Listed>> shared = new LinkedHashMap<>();

    /** One listed row, as much of it as telling people apart needs. */
    private record Listed(long line, String name, boolean hasEmail, String place) {
    }

    PeopleIndex(ColumnMap columns) {
        this.emailColumn = columns.index(SignerField.EMAIL);
        this.cityColumn = columns.index(SignerField.CITY);
        this.stateColumn = columns.index(SignerField.STATE);
        this.countryColumn = columns.index(SignerField.COUNTRY);
    }

    /**
     * The earlier signer this row repeats, or null when it is a new person, who is then
     * remembered as listed.
     *
     * @param nameKey the row's {@link NameKey#organization} key, not empty
     * @param values  the row's cleaned cells
     * @param signer  the signer the row makes
     */
    Signer earlier(String nameKey, String[] values, Signer signer) {
        String email = emailColumn < 0 ? "" : emailKey(values[emailColumn]);
        String place = place(value(values, cityColumn), value(values, stateColumn), value(values, countryColumn));
        String nameAndPlace = nameKey + SEPARATOR + place;
        Signer first;
        if (email.isEmpty()) {
            first = byNameAndPlace.putIfAbsent(nameAndPlace, signer);
        } else {
            first = byEmail.putIfAbsent(email, signer);
            if (first == null) {
                // A later row without an email, same name and place, is this person again.
                byNameAndPlace.putIfAbsent(nameAndPlace, signer);
            }
        }
        if (first == null) {
            listed(nameKey, new Listed(signer.line(), signer.organization(), !email.isEmpty(), place));
        }
        return first;
    }

    private void listed(String nameKey, Listed row) {
        Listed firstOfName = firstByName.putIfAbsent(nameKey, row);
        if (firstOfName != null) {
            shared.computeIfAbsent(nameKey, key -> new ArrayList<>(List.of(firstOfName))).add(row);
        }
    }

    /** The names listed more than once, in the order their first rows come in the file. */
    List<SharedName> sharedNames() {
        List<SharedName> names = new ArrayList<>(shared.size());
        for (List<Listed> rows : shared.values()) {
            names.add(new SharedName(rows.get(0).name(), rows.stream().map(Listed::line).toList(), basis(rows)));
        }
        names.sort((a, b) -> Long.compare(a.lines().get(0), b.lines().get(0)));
        return names;
    }

    private static Basis basis(List<Listed> rows) {
        if (rows.stream().allMatch(Listed::hasEmail)) {
            return Basis.DIFFERENT_EMAILS;
        }
        Set<String> places = new HashSet<>();
        for (Listed row : rows) {
            if (!places.add(row.place())) {
                return Basis.SOME_WITHOUT_EMAIL;
            }
        }
        return Basis.DIFFERENT_PLACES;
    }

    /** A person without an email, as told from others of the same name: name key and place. */
    static String nameAndPlaceKey(Signer signer) {
        return NameKey.organization(signer.organization()) + SEPARATOR + place(signer.city(), signer.state(), signer.country());
    }

    private static String place(String city, String state, String country) {
        return city + SEPARATOR + state + SEPARATOR + country;
    }

    /** An email as it tells one person from another: trimmed, any case; empty when there is none. */
    static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String value(String[] values, int column) {
        return column < 0 ? "" : values[column];
    }
}
