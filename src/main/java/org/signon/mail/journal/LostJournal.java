package org.signon.mail.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.signon.SignonException.Kind;
import org.signon.mail.MailException;

/**
 * A letter sent before whose journal is gone (deleted, or never committed and this is a fresh
 * clone): without it every recipient would get the letter again. The signer-list snapshot a
 * send saves beside the letter ({@code NAME.sent-signers.csv}) is what tells.
 */
public final class LostJournal {

    private LostJournal() {
    }

    /**
     * @param journal  the letter's journal, {@link SendJournal#pathFor}
     * @param snapshot the signer list as sent, saved by the first send that delivered anything
     *                 and by every full send after it
     * @return the error (NO_INPUT, naming the journal) when the snapshot is there and the journal
     *         is not, or holds no row (emptied to its header, or a fresh one in its place)
     */
    public static Optional<MailException> check(Path journal, Path snapshot) {
        // Only a file is a send's record: something else in its place (a folder) says nothing.
        if (!Files.isRegularFile(snapshot)) {
            return Optional.empty();
        }
        String loss;
        if (!Files.exists(journal)) {
            loss = "the send journal is missing";
        } else if (holdsNoRows(journal)) {
            loss = "the send journal records no message";
        } else {
            return Optional.empty();
        }
        return Optional.of(new MailException(Kind.NO_INPUT, journal, 0, loss + ", but " + snapshot
                + " says this letter was sent: restore the journal (from git or a backup) or, to start over on"
                + " purpose, delete " + snapshot));
    }

    private static boolean holdsNoRows(Path journal) {
        try {
            return SendJournal.holdsNoRows(journal);
        } catch (IOException e) {
            // Not for this check to report: reading the journal for the run names the failure.
            return false;
        }
    }
}
