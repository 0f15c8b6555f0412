package org.signon.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.signon.SignonException;
import org.signon.SignonException.Kind;
import org.signon.letter.Recipient;
import org.signon.mail.MailException;
import org.signon.mail.journal.JournalHistory;
import org.signon.mail.journal.LostJournal;
import org.signon.mail.journal.SendJournal;
import org.signon.mail.journal.SiblingJournals;
import org.signon.mail.message.ContactsReader;
import org.signon.mail.message.Envelope;
import org.signon.mail.message.LetterAddressing;
import org.signon.mail.message.MessageBatch;
import org.signon.mail.message.MessageComposer;
import org.signon.mail.message.MessageIds;
import org.signon.mail.message.OutgoingMessage;
import org.signon.mail.send.BatchSender;
import org.signon.mail.send.MessageResult;
import org.signon.mail.send.PlannedMessage;
import org.signon.mail.send.PlannedMessage.Decision;
import org.signon.mail.send.PlannedMessage.Resend;
import org.signon.mail.send.SendReport;
import org.signon.mail.send.Sleeper;
import org.signon.mail.smtp.SmtpConfig;
import org.signon.mail.smtp.SmtpSettings;
import org.signon.signers.SignerReport;
import org.signon.signers.SignerSheet;
import org.signon.signers.SignerSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "send",
        description = {
            "Email the letter to its recipients; a dry run unless --send.",
            "One message to the front matter 'to' (or --to), or one personalized message",
            "per row of --contacts. Without --send this is a dry run:",
            "it prints every message (or writes .eml files with --eml-dir) and connects to",
            "nothing. With --send, messages go out over one SMTP connection and each is",
            "recorded in LETTER's journal (NAME.sent.csv), so a second run sends only what",
            "is missing; what the other *.sent.csv journals in its folder, or anywhere in",
            "its git work tree, show sent (a renamed, moved or copied letter) is skipped too,",
            "and a letter whose journal is gone though NAME.sent-signers.csv says it was",
            "sent is not sent (exit 66).",
            "Exits 0 when everything was sent or already sent, 75 when some",
            "messages were not sent and a second run would try them, 3 when the only ones",
            "left are held back for you to decide (uncertain, or changed since sent).",
        })
final class SendCommand implements Callable<Integer> {

    @Mixin
    LetterInput input;

    @Option(names = "--contacts", paramLabel = "CSV",
            description = "Send one personalized message per row (columns 'name', 'email', any others "
                    + "as {{recipient.<column>}}).")
    Path contacts;

    @Option(names = "--to", paramLabel = "ADDR",
            description = "Send to this address instead of the front matter 'to' (repeatable);"
                    + " the front matter's cc and bcc still get the message.")
    List<String> to = new ArrayList<>();

    @Option(names = "--eml-dir", paramLabel = "DIR",
            description = "Dry run: write each message as an .eml file here instead of printing it.")
    Path emlDir;

    @Option(names = "--attach-pdf", description = "Attach the letter as a PDF (as front matter 'attach: pdf').")
    boolean attachPdf;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N messages.")
    Integer limit;

    @Option(names = "--send", description = "Really send. Without it nothing leaves this machine.")
    boolean send;

    @Option(names = "--resend",
            description = "Send every message again, even one the journal shows already sent with the same "
                    + "content. For one recipient, narrow the run with --to ADDR or a contacts file of that row.")
    boolean resend;

    @Option(names = "--resend-to", paramLabel = "ADDR",
            description = "Send the message(s) to this To address (repeatable) although held back: "
                    + "reported uncertain, or the recipient got another version. Never sends a version "
                    + "the journal shows already sent to it; that takes --resend.")
    List<String> resendTo = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "SMTP settings file (default: signon.properties in the working directory).")
    Path config;

    @Option(names = "--insecure", description = "Allow smtp.security=none to a server on another machine.")
    boolean insecure;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no message previews; only the summary.")
    boolean quiet;

    @Option(names = "--json", description = "Print the summary as JSON for scripts.")
    boolean json;

    @ParentCommand
    Main main;

    /** Rows of the contacts file, before --limit. */
    private int contactCount;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        SmtpSettings settings = SmtpConfig.load(Optional.ofNullable(config), Path.of("").toAbsolutePath(), main.io().env());
        Path journal = SendJournal.pathFor(input.letter);
        Path snapshot = SignerSnapshot.pathFor(input.letter);
        if (send && !LostJournal.isLost(journal, snapshot)) {
            // No lost journal to be told of first: a missing server is said before every message
            // (every PDF of a large --contacts run) is rendered.
            settings.requireSendable(insecure);
        }
        Campaign campaign = input.load();
        checkSigners(campaign);
        MessageBatch batch = compose(campaign);
        noteCopiesOfRedirectedLetter(batch);
        List<JournalHistory> siblings = siblingJournals(journal);
        SendReport report;
        Optional<MailException> lost;
        if (send) {
            // Before the password prompt and any connection; the messages' hashes name a journal
            // left behind by a move, and the messages are rendered once, for this and the send.
            List<OutgoingMessage> messages = batch.all();
            lost = LostJournal.check(journal, snapshot, siblings,
                    messages.stream().map(OutgoingMessage::contentHash).toList());
            if (lost.isPresent()) {
                throw lost.get();
            }
            // After the lost journal: in a fresh clone without its journal or signon.properties,
            // "this letter was sent" is what to hear first, not how to set up a server (without
            // a lost journal, this was checked before the messages were rendered).
            settings.requireSendable(insecure);
            report = send(settings, messages, journal, siblings, campaign.signers());
        } else {
            report = new DryRun(main.out(), !quiet && !json, emlDir).run(batch,
                    SendJournal.read(journal).withOthers(siblings), resendFilterFor(batch.envelopes()), journal);
            lost = LostJournal.check(journal, snapshot, siblings,
                    report.results().stream().map(result -> result.message().contentHash()).toList());
        }
        printSummary(report);
        reportLeftOutByLimit(batch);
        reportResendToAlreadySent(report);
        if (report.count(MessageResult.Status.SENT) > 0 && to.isEmpty() && limit == null) {
            writeSnapshot(campaign.signers());
        }
        if (report.error().isPresent()) {
            // Mail already went out: the summary above says what; the error still decides the exit.
            throw report.error().get();
        }
        if (lost.isPresent()) {
            // A dry run: --send would stop before sending anything, which is for the user to decide.
            main.err().println("signon: warning: " + lost.get().describe() + "; until then --send stops here");
            return ExitCode.HELD_BACK.code();
        }
        if (report.complete()) {
            return ExitCode.OK.code();
        }
        long retried = count(report, MessageResult.Status::retried);
        if (retried > 0) {
            main.err().println("signon: " + messages(retried, "was", "were") + " not sent; see the summary, then run again");
            return ExitCode.TEMPORARY.code();
        }
        long held = count(report, status -> !status.done());
        main.err().println("signon: " + (report.dryRun() ? messages(held, "would be", "would be") : messages(held, "is", "are"))
                + " held back (uncertain, or changed since sent); running again changes nothing:"
                + " check the summary, then use --resend-to ADDRESS");
        return ExitCode.HELD_BACK.code();
    }

    private void checkOptions() {
        if (contacts != null && !to.isEmpty()) {
            throw usage("--to and --contacts exclude each other: --contacts sends one message per row");
        }
        if (limit != null && limit < 1) {
            throw usage("--limit must be at least 1");
        }
        if (resend && !resendTo.isEmpty()) {
            throw usage("--resend sends every message again; --resend-to sends held-back ones, never the same "
                    + "version twice: use one of them (to send one recipient the same version again: --resend with "
                    + "--to ADDR, or with --contacts and a file of that row)");
        }
        if (send && emlDir != null) {
            throw usage("--eml-dir writes a preview; run it without --send");
        }
    }

    /**
     * A consenting row without an organization would silently drop a signer from the letter:
     * sending waits until it is fixed; a dry run only warns.
     */
    private void checkSigners(Campaign campaign) {
        SignerSheet sheet = campaign.signers();
        Optional<SignerReport.LeftOut> error = sheet.report().leftOut().stream().filter(SignerReport.LeftOut::error).findFirst();
        if (error.isEmpty()) {
            return;
        }
        String message = SignerWords.of(campaign.letter().front().signersAre()).signsWithoutName()
                + "; run 'signon check " + input.letter + "' and fix the signers before sending";
        if (send) {
            throw new SignonException(Kind.DATA, sheet.report().file(), error.get().line(), null, message, null);
        }
        main.err().println("signon: warning: " + sheet.report().file() + ":" + error.get().line() + ": " + message);
    }

    /** Every address is validated before the first letter is rendered, let alone sent. */
    private MessageBatch compose(Campaign campaign) {
        LetterAddressing addressing = LetterAddressing.of(campaign.letter(), to);
        MessageComposer composer = new MessageComposer(campaign.letter(), campaign.template(),
                campaign.signers().list(), addressing, new MessageIds(Clock.systemUTC()), attachPdf);
        int max = limit == null ? Integer.MAX_VALUE : limit;
        if (contacts == null) {
            return composer.singleBatch(max);
        }
        List<Recipient> rows = ContactsReader.read(contacts);
        if (rows.isEmpty()) {
            throw new MailException(Kind.DATA, contacts, 0, "no contacts: the file has a header but no rows");
        }
        contactCount = rows.size();
        return composer.personalBatch(contacts, rows, max);
    }

    /**
     * What the journals of the other letter files beside this one record, read once: a renamed
     * or copied letter skips what they show sent. One that cannot be read is named in a warning
     * and left out; another letter's file never stops this run.
     */
    private List<JournalHistory> siblingJournals(Path journal) {
        SiblingJournals siblings = SiblingJournals.beside(journal);
        for (MailException part : siblings.notSearched()) {
            main.err().println("signon: warning: other letters' send journals were looked for in this git work tree, but "
                    + "not everywhere: " + part.describe());
        }
        for (MailException skipped : siblings.skipped()) {
            main.err().println("signon: warning: another letter's send journal was skipped, so what it records was not"
                    + " checked: " + skipped.describe());
        }
        main.err().flush();
        return siblings.histories();
    }

    private SendReport send(SmtpSettings settings, List<OutgoingMessage> messages, Path journalPath,
            List<JournalHistory> siblings, SignerSheet signers) {
        try (SendJournal journal = SendJournal.open(journalPath);
                SendProgress.Display progress = SendProgress.of(stderr(), !quiet && main.io().terminalAt().test(2), quiet)) {
            List<PlannedMessage> plan = PlannedMessage.plan(messages, journal.history().withOthers(siblings),
                    resendFilter(messages));
            boolean anything = plan.stream().anyMatch(p -> p.decision() == Decision.SEND);
            String password = anything ? password(settings) : null;
            return new BatchSender(settings, password, journal, Sleeper.REAL, Clock.systemUTC())
                    .send(plan, new FirstDeliverySnapshot(progress, () -> saveSnapshotIfAbsent(signers)));
        }
    }

    /**
     * Which messages go out whatever the journal says: all with --resend; with --resend-to, those
     * to its addresses when held back, but never a version they were already sent.
     */
    private Function<OutgoingMessage, Resend> resendFilter(List<OutgoingMessage> messages) {
        return resendFilterFor(messages.stream().map(OutgoingMessage::envelope).toList());
    }

    /** {@link #resendFilter(List)} from the envelopes alone, known before any letter is rendered. */
    private Function<OutgoingMessage, Resend> resendFilterFor(List<Envelope> envelopes) {
        if (resend) {
            return message -> Resend.ALWAYS;
        }
        Set<String> addresses = resendTo.stream().map(SendCommand::addressKey).collect(Collectors.toSet());
        for (String address : addresses) {
            if (envelopes.stream().noneMatch(addressedTo(Set.of(address)))) {
                throw usage("--resend-to " + address + ": no message in this run is addressed to it");
            }
        }
        Predicate<Envelope> chosen = addressedTo(addresses);
        return message -> chosen.test(message.envelope()) ? Resend.HELD_BACK : Resend.NO;
    }

    /** Whether an envelope's To names one of {@code keys}, compared as {@link #addressKey}. */
    private static Predicate<Envelope> addressedTo(Set<String> keys) {
        return envelope -> envelope.toAddresses().stream().map(SendCommand::addressKey).anyMatch(keys::contains);
    }

    private static String addressKey(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** Only from SIGNON_SMTP_PASSWORD or the terminal: never a flag, a file, or a log line. */
    private String password(SmtpSettings settings) {
        if (!settings.hasUsername()) {
            return null;
        }
        String fromEnvironment = main.io().env().get("SIGNON_SMTP_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        Optional<char[]> typed = main.passwords().read(
                "SMTP password for " + settings.username() + " at " + settings.host() + ": ");
        if (typed.isEmpty()) {
            throw new MailException(Kind.CONFIG, "smtp.username is set (" + settings.describeOrigin("smtp.username")
                    + ") but there is no password, and no terminal to ask for it on: set SIGNON_SMTP_PASSWORD, or run"
                    + " signon in the foreground of a terminal (not with '&', nor from cron, CI or setsid)"
                    + " to be asked");
        }
        if (typed.get().length == 0) {
            // Enter alone, or Ctrl-D: trying an empty password would only earn a refused login.
            throw new MailException(Kind.CONFIG, "no password was typed for " + settings.username()
                    + ": run again and type it at the prompt, or set SIGNON_SMTP_PASSWORD");
        }
        return new String(typed.get());
    }

    /**
     * Saves the signers as sent, the baseline of {@code signon diff}, after a full send; a test
     * send (--to, --limit) leaves an existing baseline alone (see {@link #saveSnapshotIfAbsent}).
     * The mail went out either way, so a failure here only warns.
     */
    private void writeSnapshot(SignerSheet signers) {
        try {
            SignerSnapshot.write(SignerSnapshot.pathFor(input.letter), signers);
        } catch (SignonException e) {
            main.err().println("signon: warning: the signer list as sent was not saved, so 'signon diff' compares "
                    + "with an older list: " + e.describe());
            main.err().flush();
        }
    }

    /** The first snapshot of a letter, saved as its first message goes out, whatever the run. */
    private void saveSnapshotIfAbsent(SignerSheet signers) {
        if (!Files.exists(SignerSnapshot.pathFor(input.letter))) {
            writeSnapshot(signers);
        }
    }

    private void printSummary(SendReport report) throws IOException {
        PrintWriter out = main.out();
        if (json) {
            out.println(JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(report.toJson()));
        } else {
            report.summary().forEach(out::println);
        }
        out.flush();
    }

    /**
     * --to replaces only the front matter's 'to': a message meant as a test to oneself still goes
     * to the letter's cc and bcc, partners among them. Said before anything is sent, every time.
     */
    private void noteCopiesOfRedirectedLetter(MessageBatch batch) {
        if (to.isEmpty() || batch.size() == 0) {
            return;
        }
        Envelope envelope = batch.envelopes().get(0);
        List<String> copies = new ArrayList<>();
        if (!envelope.cc().isEmpty()) {
            copies.add("cc " + bare(envelope.cc()));
        }
        if (!envelope.bcc().isEmpty()) {
            copies.add("bcc " + bare(envelope.bcc()));
        }
        if (!copies.isEmpty()) {
            main.err().println("signon: note: --to replaces only the front matter's 'to': its " + String.join(" and ", copies)
                    + (send ? " get" : " would get") + " this message too");
            main.err().flush();
        }
    }

    private static String bare(List<InternetAddress> addresses) {
        return String.join(", ", addresses.stream().map(InternetAddress::getAddress).toList());
    }

    /**
     * "Nothing to send: every message was sent before" speaks of this run's messages only: with
     * --limit the contacts after the first N were not looked at, and the same command run again
     * takes the same first N, so it must not read as if everyone got the letter.
     */
    private void reportLeftOutByLimit(MessageBatch batch) {
        int total = contacts == null ? 1 : contactCount;
        if (limit != null && total > batch.size()) {
            int leftOut = total - batch.size();
            main.err().println("signon: --limit " + limit + ": this run took the first " + batch.size() + " of " + total
                    + " messages; the other " + leftOut + (leftOut == 1 ? " was" : " were") + " left out (a --limit run"
                    + " takes the first N whatever was sent before: raise N, or run without --limit, to reach "
                    + (leftOut == 1 ? "it)" : "them)"));
            main.err().flush();
        }
    }

    /**
     * One line per message --resend-to asked for but the journal shows delivered with this very
     * content: re-running a --resend-to command must not look like it sent something.
     */
    private void reportResendToAlreadySent(SendReport report) {
        for (String address : resendTo.stream().map(SendCommand::addressKey).distinct().toList()) {
            report.results().stream()
                    .filter(r -> r.status() == MessageResult.Status.SKIPPED)
                    .filter(r -> addressedTo(Set.of(address)).test(r.message().envelope()))
                    .forEach(r -> main.err().println("signon: --resend-to " + address + ": "
                            + (report.dryRun() ? "would not be sent: " : "not sent: ") + r.detail()));
        }
        main.err().flush();
    }

    private static long count(SendReport report, Predicate<MessageResult.Status> which) {
        return report.results().stream().filter(r -> which.test(r.status())).count();
    }

    private static String messages(long count, String verbOne, String verbMany) {
        return count + (count == 1 ? " message " + verbOne : " messages " + verbMany);
    }

    private PrintStream stderr() {
        return new PrintStream(main.io().stderr(), true, StandardCharsets.UTF_8);
    }

    private static SignonException usage(String message) {
        return new SignonException(Kind.USAGE, null, 0, null, message, null);
    }
}
