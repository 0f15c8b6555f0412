package org.signon.signers;

import java.util.List;

/** Signers under one heading; {@code name} is empty for an ungrouped list. */
public record SignerGroup(String name, List<Signer> signers) {

    public SignerGroup {
        signers = List.copyOf(signers);
    }
}
