package org.signon.signers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Which form response a row is, independent of how its organization is spelled: the submission
 * time and the contact email together. Hashed, so a snapshot of the sent list can carry it
 * without carrying anyone's email address.
 */
public final class RowId {

    /** The column a {@link SignerSnapshot} stores the identity in. */
    public static final String COLUMN = "row_id";

    private RowId() {
    }

    /** The row's identity, or null when the CSV has neither a timestamp nor an email column. */
    static String of(Signer signer, SignerReport report) {
        String stored = signer.columns().get(COLUMN);
        if (stored != null && !stored.isEmpty()) {
            return stored;
        }
        String signed = value(signer, report, SignerField.SIGNED);
        String email = value(signer, report, SignerField.EMAIL).toLowerCase(Locale.ROOT);
        if (signed.isEmpty() && email.isEmpty()) {
            return null;
        }
        return hash(signed + "\n" + email);
    }

    private static String value(Signer signer, SignerReport report, SignerField field) {
        String header = report.columns().get(field);
        return header == null ? "" : signer.columns().getOrDefault(header, "");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
