package org.signon.starter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.signon.SignonException;
import org.signon.SignonException.Kind;
import org.signon.io.IoFailure;

/**
 * Lays out a new campaign in a folder: {@code letters/NAME.md}, {@code signers/NAME.csv} and,
 * if absent, {@code signon.properties}. Never overwrites: an organizer's letter is the one file
 * that must not be lost to a mistyped command.
 */
public final class StarterCampaign {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private StarterCampaign() {
    }

    /** Creates the files and returns the ones written, in order. */
    public static List<Path> create(Path root, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new SignonException(Kind.USAGE, null, 0, null, "campaign name '" + name
                    + "' must be letters, digits, '.', '_' or '-', starting with a letter or digit", null);
        }
        Path letter = root.resolve("letters").resolve(name + ".md");
        Path signers = root.resolve("signers").resolve(name + ".csv");
        Path settings = root.resolve("signon.properties");
        for (Path path : List.of(letter, signers)) {
            if (Files.exists(path)) {
                throw new SignonException(Kind.CANT_CREATE, path, 0, null,
                        "already exists; signon init never overwrites (choose another name)", null);
            }
        }
        List<Path> written = new ArrayList<>();
        try {
            write(letter, template("letter.md", name), written);
            write(signers, template("signers.csv", name), written);
            if (!Files.exists(settings)) {
                write(settings, template("signon.properties", name), written);
            }
        } catch (SignonException e) {
            // All or nothing: a half-made campaign would make the retry refuse to overwrite it.
            removeQuietly(written);
            throw e;
        }
        return List.copyOf(written);
    }

    private static void removeQuietly(List<Path> written) {
        for (Path path : written) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // The original failure is the one to report.
            }
        }
    }

    private static void write(Path path, byte[] content, List<Path> written) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            // CREATE_NEW: if another process made the file since we looked, fail rather than clobber it.
            Files.write(path, content, java.nio.file.StandardOpenOption.CREATE_NEW);
            written.add(path);
        } catch (FileAlreadyExistsException e) {
            throw new SignonException(Kind.CANT_CREATE, path, 0, null, "already exists; signon init never overwrites", e);
        } catch (IOException e) {
            throw new SignonException(Kind.CANT_CREATE, path, 0, null, "cannot create: " + IoFailure.reason(e, path), e);
        }
    }

    private static byte[] template(String resource, String name) {
        try (InputStream in = StarterCampaign.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("starter resource missing from the jar: " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("@NAME@", name).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read starter resource " + resource, e);
        }
    }
}
