package org.signon.letter;

import java.util.List;
import java.util.Map;
import org.signon.signers.SignerKind;

/**
 * The YAML front matter of a letter. Strings are empty and lists empty when a key is absent,
 * never null.
 *
 * @param title      document title
 * @param date       the date printed on the letter, as written
 * @param subject    email subject (defaults to the title when absent)
 * @param from       sender, {@code Name <addr>}
 * @param to         recipients, each {@code Name <addr>}
 * @param cc         copy recipients
 * @param bcc        blind copy recipients
 * @param replyTo    reply-to addresses
 * @param signers    path of the signers CSV, relative to the letter file
 * @param columns    signer field to CSV header ({@code organization: "Org name"})
 * @param groups     category values in heading order
 * @param lang       collation locale and HTML lang, default {@code en}
 * @param signerLine Mustache snippet for one signer line, empty for the default
 * @param paper      PDF paper size, {@code letter} (default) or {@code a4}
 * @param logo       letterhead image path, relative to the letter file
 * @param attach     {@code pdf} to attach a PDF to emails, else empty
 * @param signersAre whether the signers are organizations (default) or people
 * @param data       every other key, as template data
 * @param lines      the 1-based line in the letter file where each key's value starts, and
 *                   where each entry of a list starts ({@code to[0]})
 */
public record FrontMatter(
        String title,
        String date,
        String subject,
        String from,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        List<String> replyTo,
        String signers,
        Map<String, String> columns,
        List<String> groups,
        String lang,
        String signerLine,
        String paper,
        String logo,
        String attach,
        SignerKind signersAre,
        Map<String, Object> data,
        Map<String, Integer> lines) {

    public FrontMatter {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        replyTo = List.copyOf(replyTo);
        columns = Map.copyOf(columns);
        groups = List.copyOf(groups);
        data = Map.copyOf(data);
        lines = Map.copyOf(lines);
    }

    /** Front matter of a letter signed by organizations, the default. */
    public FrontMatter(String title, String date, String subject, String from, List<String> to, List<String> cc,
            List<String> bcc, List<String> replyTo, String signers, Map<String, String> columns, List<String> groups,
            String lang, String signerLine, String paper, String logo, String attach, Map<String, Object> data,
            Map<String, Integer> lines) {
        this(title, date, subject, from, to, cc, bcc, replyTo, signers, columns, groups, lang, signerLine, paper,
                logo, attach, SignerKind.ORGANIZATIONS, data, lines);
    }

    /** The line where {@code key}'s value starts, or 0 when the key is absent. */
    /**
     * Whether the letter has a subject of its own: without a {@code subject} key the parser gives
     * the title's text as the subject, and the subject is then the filled-in title.
     */
    public boolean hasOwnSubject() {
        return !subject.isBlank() && !subject.equals(title);
    }

    public int lineOf(String key) {
        return lines.getOrDefault(key, 0);
    }

    /**
     * The line of entry {@code index} of the list under {@code key} (a {@code to} address on a
     * line of its own), else the line where the key's value starts.
     */
    public int lineOf(String key, int index) {
        return lines.getOrDefault(itemKey(key, index), lineOf(key));
    }

    /** How {@link #lines} names the line of a list entry: {@code to[2]}. */
    static String itemKey(String key, int index) {
        return key + "[" + index + "]";
    }
}
