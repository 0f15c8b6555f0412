package org.signon.signers;

import java.util.List;

/** The finished list: groups in presentation order, signers sorted inside each. */
public record SignerList(List<SignerGroup> groups) {

    public SignerList {
        groups = List.copyOf(groups);
    }

    public int count() {
        return groups.stream().mapToInt(g -> g.signers().size()).sum();
    }

    public List<Signer> all() {
        return groups.stream().flatMap(g -> g.signers().stream()).toList();
    }
}
