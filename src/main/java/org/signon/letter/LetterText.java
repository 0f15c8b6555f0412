package org.signon.letter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.signon.SignonException.Kind;
import org.signon.io.IoFailure;

/**
 * The text of a letter file: strict UTF-8, without a byte-order mark, with every line ending
 * ({@code CRLF}, {@code CR}) turned into {@code LF} so that line numbers match an editor's.
 */
final class LetterText {

    private LetterText() {
    }

    static String read(Path file) {
        return normalize(decode(readBytes(file), file));
    }

    private static byte[] readBytes(Path file) {
        if (Files.isDirectory(file)) {
            throw new LetterException(Kind.NO_INPUT, file, 0, null, "is a folder, not a letter file", null);
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new LetterException(Kind.NO_INPUT, file, 0, null, "no such letter file", e);
        } catch (AccessDeniedException e) {
            throw new LetterException(Kind.NO_INPUT, file, 0, null, "cannot read the letter file: permission denied", e);
        } catch (IOException e) {
            throw new LetterException(Kind.IO, file, 0, null, "cannot read the letter file: " + IoFailure.reason(e, file), e);
        }
    }

    /** Decodes strictly: a stray Latin-1 byte would otherwise print as a replacement mark in the letter. */
    private static String decode(byte[] bytes, Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new LetterException(Kind.DATA, file, lineAt(bytes, in.position()), null,
                    "is not valid UTF-8 text (save it as UTF-8)", null);
        }
        return out.flip().toString();
    }

    private static long lineAt(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String normalize(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.replace("\r\n", "\n").replace('\r', '\n');
    }
}
