package org.signon.signers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes real CSV files for the tests and loads them the way the cli does. */
final class Csv {

    private Csv() {
    }

    /** Writes {@code text} as UTF-8 bytes, exactly as given (line ends included). */
    static Path write(Path dir, String text) {
        return writeBytes(dir, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path writeBytes(Path dir, byte[] bytes) {
        try {
            return Files.write(dir.resolve("signers.csv"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines joined with LF, ending with one. */
    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static SignerSheet load(Path csv) {
        return SignerLoader.load(csv, SignerOptions.defaults());
    }

    static SignerSheet load(Path csv, Map<SignerField, String> columns) {
        return SignerLoader.load(csv, new SignerOptions(columns, List.of(), Locale.ENGLISH));
    }

    static SignerSheet loadGrouped(Path csv, String... groups) {
        return SignerLoader.load(csv, new SignerOptions(Map.of(), List.of(groups), Locale.ENGLISH));
    }

    /** Organization names in list order, across groups. */
    static List<String> names(SignerSheet sheet) {
        return sheet.list().all().stream().map(Signer::organization).toList();
    }
}
