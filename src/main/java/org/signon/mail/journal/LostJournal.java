package org.signon.mail.journal;

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
     * @param snapshot the signer list as sent, saved by a send that sent something
     * @return the error (NO_INPUT, naming the journal) when the snapshot is there and the journal is not
     */
    public static Optional<MailException> check(Path journal, Path snapshot) {
        // Only a file is a send's record: something else in its place (a folder) says nothing.
        if (Files.exists(journal) || !Files.isRegularFile(snapshot)) {
            return Optional.empty();
        }
        return Optional.of(new MailException(Kind.NO_INPUT, journal, 0, "the send journal is missing, but " + snapshot
                + " says this letter was sent: restore the journal (from git or a backup) or, to start over on"
                + " purpose, delete " + snapshot));
    }
}
