package org.signon.io;

import java.nio.file.Path;

/** Names of the files signon keeps beside a letter. */
public final class FileNames {

    private FileNames() {
    }

    /** {@code letters/open-letter.md} -> {@code open-letter}; a name without a dot stays whole. */
    public static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** {@code letters/open-letter.md} and {@code .sent.csv} -> {@code letters/open-letter.sent.csv}. */
    public static Path sibling(Path file, String suffix) {
        return file.resolveSibling(stem(file) + suffix);
    }
}
