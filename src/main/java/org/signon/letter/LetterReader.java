package org.signon.letter;

import java.nio.file.Path;

/** Reads a letter file: YAML front matter between {@code ---} lines, then the body. */
public final class LetterReader {

    private LetterReader() {
    }

    /** @throws LetterException NO_INPUT when missing, DATA for bad YAML or a bad key */
    public static Letter read(Path file) {
        LetterParts parts = LetterParts.split(LetterText.read(file), file);
        FrontMatter front = FrontMatterParser.parse(parts.yaml(), parts.yamlLine(), file);
        return new Letter(file, front, parts.body(), parts.bodyLine());
    }
}
