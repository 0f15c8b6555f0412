package org.signon.signers;

import java.nio.file.Path;

/** Reads a signers CSV and cleans, orders and groups it. */
public final class SignerLoader {

    private SignerLoader() {
    }

    /** @throws SignersException NO_INPUT when missing, DATA for malformed CSV or encoding */
    public static SignerSheet load(Path csv, SignerOptions options) {
        throw new UnsupportedOperationException("TODO");
    }
}
