package org.signon.mail;

import java.nio.file.Path;

/**
 * Where a value came from, so that an error can point at it: a letter's front matter key, a
 * contacts row, the command line ({@code file} null).
 *
 * @param file  the file holding the value, or null for the command line
 * @param line  the 1-based line, or 0 when unknown
 * @param field the key or column, or null
 */
public record Origin(Path file, long line, String field) {

    public static Origin commandLine(String option) {
        return new Origin(null, 0, option);
    }

    /** {@code contacts.csv:4} or {@code --to}, for reports. */
    public String describe() {
        if (file == null) {
            return field == null ? "command line" : field;
        }
        return line > 0 ? file + ":" + line : file.toString();
    }
}
