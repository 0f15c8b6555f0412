package org.signon.letter;

import java.util.Set;

/** The front matter keys signon understands; every other key is template data. */
public final class FrontMatterKey {

    public static final String TITLE = "title";
    static final String DATE = "date";
    public static final String SUBJECT = "subject";
    static final String FROM = "from";
    static final String TO = "to";
    static final String CC = "cc";
    static final String BCC = "bcc";
    static final String REPLY_TO = "reply_to";
    static final String SIGNERS = "signers";
    static final String COLUMNS = "columns";
    static final String GROUPS = "groups";
    static final String LANG = "lang";
    public static final String SIGNER_LINE = "signer_line";
    static final String PAPER = "paper";
    static final String LOGO = "logo";
    static final String ATTACH = "attach";
    static final String SIGNERS_ARE = "signers_are";

    private static final Set<String> ALL = Set.of(TITLE, DATE, SUBJECT, FROM, TO, CC, BCC, REPLY_TO,
            SIGNERS, COLUMNS, GROUPS, LANG, SIGNER_LINE, PAPER, LOGO, ATTACH, SIGNERS_ARE);

    private FrontMatterKey() {
    }

    static boolean isKnown(String key) {
        return ALL.contains(key);
    }
}
