package org.signon.signers;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Decodes a byte stream as strict UTF-8, dropping a leading byte-order mark. Unlike an
 * InputStreamReader it knows where a bad byte is: it counts line breaks in the bytes it has
 * decoded (CR, LF and CRLF each count once, as an editor shows them), so a Latin-1 export
 * fails with the line an organizer can open.
 */
final class Utf8Reader extends Reader {

    /** A byte sequence that is not UTF-8, at a 1-based physical line. */
    static final class InvalidUtf8 extends IOException {
        private static final long serialVersionUID = 1L;

        private final long line;
        private final int badByte;

        InvalidUtf8(long line, int badByte) {
            super(String.format("invalid UTF-8 byte 0x%02X at line %d", badByte, line));
            this.line = line;
            this.badByte = badByte;
        }

        long line() {
            return line;
        }

        int badByte() {
            return badByte;
        }
    }

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE);
    private long lineBreaks;
    private boolean lastWasCr;
    private boolean endOfInput;
    private boolean atStart = true;

    Utf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!decodeMore()) {
                return -1;
            }
        }
        int count = Math.min(length, chars.remaining());
        chars.get(buffer, offset, count);
        return count;
    }

    /** Decodes the next chunk into {@code chars}; false at the end of the input. */
    private boolean decodeMore() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0) {
                if (endOfInput && !bytes.hasRemaining()) {
                    return false;
                }
                int start = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                countLineBreaks(start, bytes.position());
                if (result.isError()) {
                    throw new InvalidUtf8(lineBreaks + 1, bytes.get(bytes.position()) & 0xFF);
                }
                if (result.isUnderflow() && chars.position() == 0) {
                    readBytes();
                }
            }
        } finally {
            chars.flip();
        }
        if (atStart) {
            atStart = false;
            if (chars.get(chars.position()) == BYTE_ORDER_MARK) {
                chars.get();
            }
        }
        return true;
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    private void countLineBreaks(int from, int to) {
        byte[] array = bytes.array();
        for (int i = from; i < to; i++) {
            byte b = array[i];
            if (b == '\r') {
                lineBreaks++;
                lastWasCr = true;
            } else {
                if (b == '\n' && !lastWasCr) {
                    lineBreaks++;
                }
                lastWasCr = false;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
