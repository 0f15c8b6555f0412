package org.signon.letter.render;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.signon.SignonException.Kind;
import org.signon.letter.Letter;
import org.signon.letter.LetterException;

/**
 * An image file next to a letter, read into memory so that HTML and PDF carry it inline as a
 * {@code data:} URI: the page makes no request and the PDF renderer never touches a network.
 * An email carries it as a part of the message instead ({@link InlineImage}).
 *
 * @param file    the image file
 * @param dataUri its content as {@code data:<media type>;base64,...}
 * @param inline  the same content as a part of an email
 */
record HtmlImage(Path file, String dataUri, InlineImage inline) {

    private static final String KINDS = ".png, .jpg, .jpeg, .gif or .svg";
    /** The extension to rename a file to when it holds this kind of image. */
    private static final Map<String, String> EXTENSIONS = Map.of("image/png", "png", "image/jpeg", "jpg",
            "image/gif", "gif", "image/svg+xml", "svg");
    /** {@code https:}, {@code file:}, {@code data:}...; a Windows drive letter is one character. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

    /** What tells one image of a letter from another, for remembering it across a batch. */
    static String key(Letter letter, String field, String written) {
        return field + '\u0000' + letter.file() + '\u0000' + written;
    }

    /** The letterhead named by front matter {@code logo}, if any. */
    static Optional<HtmlImage> logo(Letter letter) {
        String logo = letter.front().logo();
        if (logo.isBlank()) {
            return Optional.empty();
        }
        LongSupplier line = () -> letter.front().lineOf("logo");
        if (SCHEME.matcher(logo.strip()).find()) {
            // Else read as a file name: "logo not found: letters/https:/example.org/logo.png".
            throw new LetterException(Kind.DATA, letter.file(), line.getAsLong(), "logo",
                    "logo must be a file next to the letter, not " + logo.strip(), null);
        }
        return Optional.of(read(letter, logo.strip(), "logo", line));
    }

    /** An image the letter body shows with {@code ![alt](path)}. */
    static HtmlImage bodyImage(Letter letter, String destination) {
        // Looked for only when there is something to report: a batch renders thousands of letters.
        LongSupplier line = () -> lineOf(letter, destination);
        if (SCHEME.matcher(destination).find()) {
            throw new LetterException(Kind.DATA, letter.file(), line.getAsLong(), "image",
                    "image must be a file next to the letter, not " + destination, null);
        }
        String path = URLDecoder.decode(destination.replace("+", "%2B"), StandardCharsets.UTF_8);
        return read(letter, path, "image", line);
    }

    /**
     * The letter-file line where the body writes {@code destination} as an image
     * ({@code ![alt](chart.png)}), else as any link target (a reference {@code [chart]: chart.png});
     * 0 when no line does, as when a tag fills the path in.
     */
    private static long lineOf(Letter letter, String destination) {
        List<String> lines = letter.body().lines().toList();
        long anyLink = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean target = line.contains("](" + destination) || line.contains("](<" + destination);
            if (target && line.contains("![")) {
                return letter.bodyLine() + (long) i;
            }
            if (anyLink == 0 && (target || line.contains("]: " + destination) || line.contains("]: <" + destination))) {
                anyLink = letter.bodyLine() + (long) i;
            }
        }
        return anyLink;
    }

    private static HtmlImage read(Letter letter, String relative, String field, LongSupplier lineOf) {
        Path file = letter.resolve(relative, lineOf);
        String mediaType = mediaType(file).orElseThrow(() -> new LetterException(Kind.DATA,
                letter.file(), lineOf.getAsLong(), field, field + " must be a " + KINDS + " file: " + relative, null));
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (!looksLike(mediaType, bytes)) {
                throw new LetterException(Kind.DATA, letter.file(), lineOf.getAsLong(), field,
                        field + " is not " + aOrAn(label(mediaType)) + " image: " + file + misnamed(bytes), null);
            }
            return new HtmlImage(file, "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes),
                    InlineImage.of(file.getFileName().toString(), mediaType, bytes, Sha256.hex(bytes)));
        } catch (NoSuchFileException e) {
            throw new LetterException(Kind.NO_INPUT, letter.file(), lineOf.getAsLong(), field,
                    field + " not found: " + file, e);
        } catch (IOException e) {
            throw new LetterException(Kind.NO_INPUT, letter.file(), lineOf.getAsLong(), field,
                    field + " cannot be read: " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Whether the first bytes match the type the extension promised (a renamed file does not). */
    private static boolean looksLike(String mediaType, byte[] bytes) {
        return switch (mediaType) {
            case "image/png" -> startsWith(bytes, 0x89, 'P', 'N', 'G');
            case "image/jpeg" -> startsWith(bytes, 0xFF, 0xD8, 0xFF);
            case "image/gif" -> startsWith(bytes, 'G', 'I', 'F', '8');
            default -> new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT).contains("<svg");
        };
    }

    /**
     * What the file holds when it is another kind of image, as a file saved under the wrong
     * extension is ("logo.png" from a JPEG export): what to rename it to.
     */
    private static String misnamed(byte[] bytes) {
        // SVG last: the others are told by their first bytes, SVG by text that any file may hold.
        return Stream.of("image/png", "image/jpeg", "image/gif", "image/svg+xml")
                .filter(kind -> looksLike(kind, bytes)).findFirst()
                .map(kind -> " (it holds " + aOrAn(label(kind)) + " image: rename it to ." + EXTENSIONS.get(kind) + ")")
                .orElse("");
    }

    /** "a PNG", "an SVG": the article as the letters are read out. */
    private static String aOrAn(String label) {
        return ("AEFHILMNORSX".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }

    private static String label(String mediaType) {
        return mediaType.substring("image/".length()).replace("+xml", "").toUpperCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static Optional<String> mediaType(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (extension) {
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "svg" -> "image/svg+xml";
            default -> null;
        });
    }
}
