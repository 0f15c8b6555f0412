package org.signon.letter;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Output formats of {@code signon render}. */
public enum Format {
    TEXT("txt"), MARKDOWN("md"), HTML("html"), PDF("pdf");

    private final String extension;

    Format(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The name used on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format a file name implies: {@code .txt}, {@code .md}/{@code .markdown}, {@code .html}/{@code .htm}, {@code .pdf}. */
    public static Optional<Format> fromPath(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return switch (name.substring(dot + 1)) {
            case "txt", "text" -> Optional.of(TEXT);
            case "md", "markdown" -> Optional.of(MARKDOWN);
            case "html", "htm" -> Optional.of(HTML);
            case "pdf" -> Optional.of(PDF);
            default -> Optional.empty();
        };
    }
}
