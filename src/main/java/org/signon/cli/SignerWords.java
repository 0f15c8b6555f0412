package org.signon.cli;

import org.signon.signers.SignerKind;

/**
 * What messages call the signers of a letter and their names: organizations, or people, who
 * have a name. Only words people read; JSON keys and the {@code organization} field keep their
 * names, as scripts and {@code --column} use them.
 */
enum SignerWords {
    ORGANIZATIONS("organization", "organizations", "organization", "organization name"),
    PEOPLE("person", "people", "name", "name");

    private final String one;
    private final String many;
    /** What a row without a signer's name lacks: "no organization", "no name". */
    private final String missing;
    private final String name;

    SignerWords(String one, String many, String missing, String name) {
        this.one = one;
        this.many = many;
        this.missing = missing;
        this.name = name;
    }

    static SignerWords of(SignerKind kind) {
        return kind == SignerKind.PEOPLE ? PEOPLE : ORGANIZATIONS;
    }

    /** {@code 1 organization}, {@code 12 organizations}; {@code 1 person}, {@code 2 people}. */
    String counted(long count) {
        return count + " " + (count == 1 ? one : many);
    }

    /** A consenting row without a name (the loader reports only those: the others did not sign). */
    String noName() {
        return "consenting row has no " + missing + ": add the name or remove the row";
    }

    /** Why sending waits for a consenting row without a name to be fixed. */
    String signsWithoutName() {
        return "a row that signs on has no " + name;
    }
}
