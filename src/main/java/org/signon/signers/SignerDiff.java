package org.signon.signers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What changed between two signer lists, for an update ("12 more organizations have joined").
 * Organizations are matched as duplicates are (case, spacing, punctuation, a leading "The");
 * a row whose organization was re-spelled is a rename when both lists know the row's identity
 * (see {@link RowId}), otherwise it shows as one removed and one added.
 *
 * @param added   in the new list only, in the new list's order
 * @param removed in the old list only, in the old list's order
 * @param renamed the same response, spelled differently
 */
public record SignerDiff(List<Signer> added, List<Signer> removed, List<Rename> renamed) {

    public SignerDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        renamed = List.copyOf(renamed);
    }

    /** One response whose organization reads differently now. */
    public record Rename(Signer before, Signer after) {
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && renamed.isEmpty();
    }

    /** Between two lists of organizations. */
    public static SignerDiff between(SignerSheet before, SignerSheet after) {
        return between(before, after, SignerKind.ORGANIZATIONS);
    }

    /**
     * Between two lists of {@code kind}. People are matched by email when both lists have an
     * email column (a person who moved city is the same person), else by name and place, and
     * counted: two people of one name are two signers, so a second Maria Garcia who joined is
     * added.
     */
    public static SignerDiff between(SignerSheet before, SignerSheet after, SignerKind kind) {
        boolean byEmail = kind == SignerKind.PEOPLE && before.report().columns().containsKey(SignerField.EMAIL)
                && after.report().columns().containsKey(SignerField.EMAIL);
        Function<Signer, String> beforeKey = keyFor(kind, byEmail, before);
        Function<Signer, String> afterKey = keyFor(kind, byEmail, after);
        Map<String, Signer> beforeByRow = byRowId(before);
        Set<String> afterKeys = keys(after.list().all());

        List<Rename> renamed = new ArrayList<>();
        Set<Signer> renamedBefore = new HashSet<>();
        Set<Signer> renamedAfter = new HashSet<>();
        // File order, so that when one identity stands for several rows the first row is the rename.
        List<Signer> afterInFileOrder = after.list().all().stream().sorted(Comparator.comparingLong(Signer::line)).toList();
        for (Signer now : afterInFileOrder) {
            String id = RowId.of(now, after.report());
            Signer then = id == null ? null : beforeByRow.get(id);
            if (then != null && !renamedBefore.contains(then) && isRespelling(then, now, afterKeys)) {
                renamed.add(new Rename(then, now));
                renamedBefore.add(then);
                renamedAfter.add(now);
            }
        }
        List<Signer> added = unmatched(after.list().all(), afterKey, renamedAfter, before.list().all(), beforeKey);
        List<Signer> removed = unmatched(before.list().all(), beforeKey, renamedBefore, after.list().all(), afterKey);
        return new SignerDiff(added, removed, renamed);
    }

    private static Function<Signer, String> keyFor(SignerKind kind, boolean byEmail, SignerSheet sheet) {
        if (kind != SignerKind.PEOPLE) {
            return s -> NameKey.organization(s.organization());
        }
        if (!byEmail) {
            return PeopleIndex::nameAndPlaceKey;
        }
        // As the list was read: a repeated email was left out as the same person.
        String emailHeader = sheet.report().columns().get(SignerField.EMAIL);
        return s -> {
            String email = PeopleIndex.emailKey(s.columns().getOrDefault(emailHeader, ""));
            return email.isEmpty() ? PeopleIndex.nameAndPlaceKey(s) : "\0email\0" + email;
        };
    }

    /**
     * The signers of {@code list}, in order, that no signer of {@code other} stands for: each of
     * {@code other} matches one signer of the same key (for organizations keys are unique).
     */
    private static List<Signer> unmatched(List<Signer> list, Function<Signer, String> key, Set<Signer> renamed,
            List<Signer> other, Function<Signer, String> otherKey) {
        Map<String, Integer> available = new HashMap<>();
        other.forEach(s -> available.merge(otherKey.apply(s), 1, Integer::sum));
        List<Signer> unmatched = new ArrayList<>();
        for (Signer signer : list) {
            if (renamed.contains(signer)) {
                continue;
            }
            Integer left = available.computeIfPresent(key.apply(signer), (k, n) -> n - 1);
            if (left == null || left < 0) {
                unmatched.add(signer);
            }
        }
        return unmatched;
    }

    /** Same response, new text; unless the old name still stands elsewhere in the new list. */
    private static boolean isRespelling(Signer then, Signer now, Set<String> afterKeys) {
        if (then.organization().equals(now.organization())) {
            return false;
        }
        String thenKey = NameKey.organization(then.organization());
        return thenKey.equals(NameKey.organization(now.organization())) || !afterKeys.contains(thenKey);
    }

    private static Map<String, Signer> byRowId(SignerSheet sheet) {
        Map<String, Signer> rows = new HashMap<>();
        for (Signer signer : sheet.list().all()) {
            String id = RowId.of(signer, sheet.report());
            if (id != null) {
                rows.putIfAbsent(id, signer);
            }
        }
        return rows;
    }

    private static Set<String> keys(List<Signer> signers) {
        Set<String> keys = new HashSet<>();
        signers.forEach(s -> keys.add(NameKey.organization(s.organization())));
        return keys;
    }
}
