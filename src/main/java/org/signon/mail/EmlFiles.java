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
        String number = String.format(Locale.ROOT, "%0" + width + "d", message.position());
        return number + "-" + slug(message.envelope().to().get(0).getAddress()) + ".eml";
    }

    static String slug(String address) {
        String slug = address.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
