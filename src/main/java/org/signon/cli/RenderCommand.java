package org.signon.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.signon.SignonException;
import org.signon.SignonException.Kind;
import org.signon.io.AtomicFile;
import org.signon.letter.Format;
import org.signon.letter.render.LetterRenderer;
import org.signon.letter.RenderedLetter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "render",
        description = {
            "Merge the letter with its signers and write the final letter.",
            "The format comes from --format, else from the -o extension",
            "(.txt .md .html .pdf), else text.",
        })
final class RenderCommand implements Callable<Integer> {

    @Mixin
    LetterInput input;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "text, markdown, html or pdf.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write here (atomically) instead of standard output; '-' is standard output.")
    Path output;

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws IOException {
        Path file = outputFile();
        Format chosen = chooseFormat(file);
        if (file == null && chosen == Format.PDF && main.io().terminalAt().test(1)) {
            throw new SignonException(Kind.USAGE, null, 0, null,
                    "refusing to write a PDF to the terminal: use -o FILE.pdf or redirect", null);
        }
        Campaign campaign = input.load();
        RenderedLetter rendered = campaign.template().render(campaign.signers().list(), Optional.empty());
        byte[] bytes = LetterRenderer.render(rendered, chosen);
        if (file == null) {
            writeToStdout(bytes);
        } else {
            AtomicFile.write(file, bytes);
        }
        return ExitCode.OK.code();
    }

    /** The -o file, or null for standard output ("-" as the file means it too, as in most tools). */
    private Path outputFile() {
        return output == null || output.toString().equals("-") ? null : output;
    }

    private Format chooseFormat(Path file) {
        if (format != null) {
            return Formats.parse(format);
        }
        if (file == null) {
            return Format.TEXT;
        }
        return Format.fromPath(file).orElseThrow(() -> new SignonException(Kind.USAGE, null, 0, null,
                "cannot tell the format from '" + file.getFileName()
                        + "': use .txt, .md, .html or .pdf, or pass --format", null));
    }

    private void writeToStdout(byte[] bytes) throws IOException {
        OutputStream stdout = main.io().stdout();
        stdout.write(bytes);
        stdout.flush();
    }
}
