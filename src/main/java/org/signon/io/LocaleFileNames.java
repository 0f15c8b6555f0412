package org.signon.io;

/**
 * File names the JVM cannot represent. Java encodes file names in the charset of the locale it
 * started in, so under {@code LANG=C} (the default of many CI containers) a name like
 * {@code lettres/été.md} cannot be opened at all, whatever is on disk.
 */
public final class LocaleFileNames {

    private LocaleFileNames() {
    }

    /** What to tell the user when {@code name} cannot be made into a path. */
    public static String unencodable(String name) {
        return "the file name '" + name + "' has characters the system locale cannot encode (file names are "
                + System.getProperty("sun.jnu.encoding", "not UTF-8")
                + "); run signon under a UTF-8 locale, e.g. LC_ALL=C.UTF-8";
    }
}
