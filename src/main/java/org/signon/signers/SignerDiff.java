package org.signon.signers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    public static SignerDiff between(SignerSheet before, SignerSheet after) {
        Map<String, Signer> beforeByRow = byRowId(before);
        Set<String> beforeKeys = keys(before.list().all());
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
        List<Signer> added = after.list().all().stream()
                .filter(s -> !renamedAfter.contains(s) && !beforeKeys.contains(NameKey.organization(s.organization())))
                .toList();
        List<Signer> removed = before.list().all().stream()
                .filter(s -> !renamedBefore.contains(s) && !afterKeys.contains(NameKey.organization(s.organization())))
                .toList();
        return new SignerDiff(added, removed, renamed);
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
