package org.signon.signers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The finished list: groups in presentation order, signers sorted inside each. */
public record SignerList(List<SignerGroup> groups) {

    public SignerList {
        groups = List.copyOf(groups);
    }

    public int count() {
        int count = 0;
        for (SignerGroup group : groups) {
            count += group.signers().size();
        }
        return count;
    }

    /** Every signer, group after group; a plain loop, as this list can hold 100,000. */
    public List<Signer> all() {
        List<Signer> all = new ArrayList<>(count());
        for (SignerGroup group : groups) {
            all.addAll(group.signers());
        }
        return Collections.unmodifiableList(all);
    }
}
