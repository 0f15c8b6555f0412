package org.signon.mail;

import java.nio.file.Path;
import java.util.Locale;
import org.signon.io.AtomicFile;

/**
 * Writes messages as RFC 5322 {@code .eml} files that Thunderbird, Outlook and Apple Mail open:
 * {@code 001-jane-doe-example-com.eml}, numbered by position so that a folder listing shows the
 * batch in order. Each file is written atomically.
 */
public final class EmlFiles {

    private final Path dir;
    private final int width;

    /** @param total how many messages the batch holds, to pad the numbers alike */
    public EmlFiles(Path dir, int total) {
        this.dir = dir;
        this.width = Math.max(3, Integer.toString(total).length());
    }

    public Path write(OutgoingMessage message, byte[] eml) {
        Path file = dir.resolve(fileName(message));
        AtomicFile.write(file, eml);
        return file;
    }

    public String fileName(OutgoingMessage message) {
        String number = Integer.toString(message.position());
        return "0".repeat(Math.max(0, width - number.length())) + number + "-"
                + slug(message.envelope().to().get(0).getAddress()) + ".eml";
    }

    /**
     * The address in lower case with every run of other characters than a-z and 0-9 as one
     * hyphen, none at either end, at most 60 characters. A loop, not regular expressions:
     * a dry run names thousands of files.
     */
    static String slug(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && slug.length() > 0) {
                    slug.append('-');
                }
                slug.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return slug.length() > 60 ? slug.substring(0, 60) : slug.toString();
    }
}
