package org.signon.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A text body in its wire form: UTF-8 with CRLF line ends and the Content-Transfer-Encoding
 * Jakarta Mail would choose for it (RFC 2045): 7bit when it is plain ASCII with short lines,
 * quoted-printable when most bytes are ASCII (which keeps mostly-English letters readable in a
 * raw .eml file), else base64. The quoted-printable bytes are those of Jakarta Mail's encoder.
 * Encoding here once, on whole arrays, is much faster than Jakarta Mail's per-byte streams and
 * its second pass to choose the encoding, which matters for thousands of personalized messages.
 *
 * @param bytes    the encoded body
 * @param encoding the Content-Transfer-Encoding
 */
record TextBody(byte[] bytes, String encoding) {

    private static final int MAX_7BIT_LINE = 998;
    /** Characters before the "=" of a soft line break, as Jakarta Mail writes them (76 in all). */
    private static final int MAX_QP_TEXT = 75;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder();

    static TextBody of(String text) {
        byte[] utf8 = crlf(text.getBytes(StandardCharsets.UTF_8));
        int nonAscii = 0;
        boolean longLine = false;
        int lineLength = 0;
        for (byte b : utf8) {
            if (b == '\r' || b == '\n') {
                lineLength = 0;
                continue;
            }
            longLine |= ++lineLength > MAX_7BIT_LINE;
            if (!isAscii(b)) {
                nonAscii++;
            }
        }
        if (nonAscii == 0 && !longLine) {
            return new TextBody(utf8, "7bit");
        }
        if (utf8.length - nonAscii > nonAscii) {
            return new TextBody(quotedPrintable(utf8), "quoted-printable");
        }
        return new TextBody(BASE64.encode(utf8), "base64");
    }

    /**
     * Every line end (LF, CR or CRLF) as CRLF. Works on the UTF-8 bytes, where CR and LF never
     * occur inside a multi-byte character, in one pass without the copies of String.replace.
     */
    private static byte[] crlf(byte[] bytes) {
        int added = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
                added++;
            } else if (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
                added++;
            }
        }
        if (added == 0) {
            return bytes;
        }
        byte[] out = new byte[bytes.length + added];
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
                out[n++] = '\r';
                out[n++] = '\n';
            } else if (b == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
                out[n++] = '\r';
                out[n++] = '\n';
            } else {
                out[n++] = b;
            }
        }
        return out;
    }

    /** What RFC 2045 allows in 7bit text besides line ends; Jakarta Mail's MimeUtility test. */
    private static boolean isAscii(byte b) {
        return b == '\t' || (b >= 0x20 && b < 0x7f);
    }

    /**
     * Encodes line by line; CRLF stays a hard line break, long lines get soft breaks ("=" CRLF).
     * Jakarta Mail's rules, so that a message reads the same byte for byte whichever way it was
     * built: a space is literal unless it ends the line, a tab is always encoded, and a soft
     * break comes before any character that would pass column 75. Writes into one array sized
     * for the worst case (every byte encoded), not a stream with a lock per byte.
     */
    private static byte[] quotedPrintable(byte[] bytes) {
        byte[] out = new byte[3 * bytes.length + 3 * (bytes.length / 25 + 1)];
        int n = 0;
        int column = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                out[n++] = '\r';
                out[n++] = '\n';
                column = 0;
                i++;
                continue;
            }
            boolean endsLine = i + 1 == bytes.length || (bytes[i + 1] == '\r' && i + 2 < bytes.length && bytes[i + 2] == '\n');
            boolean literal = (b >= 33 && b <= 126 && b != '=') || (b == ' ' && !endsLine);
            int width = literal ? 1 : 3;
            if (column + width > MAX_QP_TEXT) {
                out[n++] = '=';
                out[n++] = '\r';
                out[n++] = '\n';
                column = 0;
            }
            if (literal) {
                out[n++] = (byte) b;
            } else {
                out[n++] = '=';
                out[n++] = HEX[b >> 4];
                out[n++] = HEX[b & 0x0f];
            }
            column += width;
        }
        return Arrays.copyOf(out, n);
    }
}
