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
import java.util.Arrays;
import java.util.Objects;
import org.signon.io.CsvText;

/**
 * Decodes a byte stream as strict UTF-8, dropping a leading byte-order mark. Unlike an
 * InputStreamReader it says where a bad byte is, as an offset into the stream, so that a
 * Latin-1 export can fail with the line an organizer can open.
 */
final class Utf8Reader extends Reader {

    /** Bytes that are not UTF-8 text. */
    static final class InvalidUtf8 extends IOException {
        private static final long serialVersionUID = 1L;

        /** What is wrong with the bytes. */
        enum Problem {
            /** A byte sequence UTF-8 does not allow. */
            NOT_UTF8,
            /** A UTF-16 byte-order mark (FF FE or FE FF): Excel's "Unicode Text". */
            UTF16,
            /**
             * NUL bytes near the start: UTF-16 without a byte-order mark, or a binary file such
             * as an .xlsx workbook. Text CSVs have none, and read on, its letters would come out
             * spaced apart ("A l p h a") and be listed.
             */
            NOT_TEXT,
            /** One NUL byte, or a few, near the start of what is otherwise text: a damaged file. */
            STRAY_NUL
        }

        private final long offset;
        private final int badByte;
        private final Problem problem;

        InvalidUtf8(long offset, int badByte, Problem problem) {
            super(String.format("invalid UTF-8 byte 0x%02X at offset %d (%s)", badByte, offset, problem));
            this.offset = offset;
            this.badByte = badByte;
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }

        /** Where the bad byte is, counted from the start of the stream. */
        long offset() {
            return offset;
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
    /** Stream offset of the first byte in {@code bytes}. */
    private long bufferStart;
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
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                if (result.isError()) {
                    long offset = bufferStart + bytes.position();
                    throw new InvalidUtf8(offset, bytes.get(bytes.position()) & 0xFF,
                            offset == 0 && startsUtf16() ? InvalidUtf8.Problem.UTF16 : InvalidUtf8.Problem.NOT_UTF8);
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

    /**
     * Excel's "Unicode Text" is UTF-16 with a byte-order mark: FF FE, or FE FF big-endian.
     * Neither byte can start UTF-8, so this is asked only when decoding failed at offset 0.
     */
    private boolean startsUtf16() {
        return bytes.remaining() >= 2 && CsvText.isUtf16Mark(bytes.get(bytes.position()), bytes.get(bytes.position() + 1));
    }

    private void readBytes() throws IOException {
        bufferStart += bytes.position();
        bytes.compact();
        int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
        refuseNulNearTheStart();
    }

    /** Only the start is looked at: a good file pays for a few kilobytes once, not per byte. */
    private void refuseNulNearTheStart() throws InvalidUtf8 {
        if (bufferStart >= CsvText.NUL_SCAN || startsUtf16()) {
            return;
        }
        int end = (int) Math.min(bytes.limit(), CsvText.NUL_SCAN - bufferStart);
        CsvText.Nuls nuls = CsvText.Nuls.in(bytes.array(), bytes.position(), end);
        if (nuls.first() >= 0) {
            byte[] start = Arrays.copyOfRange(bytes.array(), bytes.position(), end);
            throw new InvalidUtf8(bufferStart + nuls.first(), 0, CsvText.notText(start, nuls.count(), end - bytes.position())
                    ? InvalidUtf8.Problem.NOT_TEXT : InvalidUtf8.Problem.STRAY_NUL);
        }
    }

    /**
     * The 1-based physical line of the byte at {@code offset}: CR, LF and CRLF each end a line,
     * as an editor shows them. In UTF-8 and its look-alikes these are single bytes.
     */
    static long lineAt(InputStream in, long offset) throws IOException {
        long lineBreaks = 0;
        long position = 0;
        boolean lastWasCr = false;
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int read = in.read(buffer); read > 0 && position < offset; read = in.read(buffer)) {
            int end = (int) Math.min(read, offset - position);
            for (int i = 0; i < end; i++) {
                byte b = buffer[i];
                if (b == '\n' && !lastWasCr) {
                    lineBreaks++;
                }
                if (b == '\r') {
                    lineBreaks++;
                }
                lastWasCr = b == '\r';
            }
            position += read;
        }
        return lineBreaks + 1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
