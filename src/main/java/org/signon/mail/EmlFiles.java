package org.signon.mail;

import java.nio.file.Path;
import java.util.Locale;
import org.signon.io.StagedFolder;

/**
 * Writes messages as RFC 5322 {@code .eml} files that Thunderbird, Outlook and Apple Mail open:
 * {@code 001-jane-doe-example-com.eml}, numbered by position so that a folder listing shows the
 * batch in order. The files appear together when the run {@link #publish()}es them; a run that
 * stops before that leaves none (see {@link StagedFolder}).
 */
public final class EmlFiles implements AutoCloseable {

    private final StagedFolder folder;
    private final int width;

    /** @param total how many messages the batch holds, to pad the numbers alike */
    EmlFiles(StagedFolder folder, int total) {
        this.folder = folder;
        this.width = Math.max(3, Integer.toString(total).length());
    }

    /**
     * Prepares to write {@code total} messages into {@code dir}.
     *
     * @throws org.signon.SignonException CANT_CREATE when {@code dir} is a file or cannot be made
     */
    public static EmlFiles open(Path dir, int total) {
        return new EmlFiles(StagedFolder.open(dir), total);
    }

    /** Writes one message; safe to call from several threads. @return where it will be once published */
    public Path write(OutgoingMessage message, byte[] eml) {
        return folder.write(fileName(message), eml);
    }

    /** Puts every file written into the folder. */
    public void publish() {
        folder.publish();
    }

    /** Deletes the files of a run that was not published. */
    @Override
    public void close() {
        folder.close();
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
