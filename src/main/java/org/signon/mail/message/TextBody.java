package org.signon.mail.message;

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
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int nonAscii = 0;
        boolean longLine = false;
        boolean bareLineEnds = false;
        int lineLength = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '\n') {
                bareLineEnds |= i == 0 || utf8[i - 1] != '\r';
                lineLength = 0;
            } else if (b == '\r') {
                bareLineEnds |= i + 1 == utf8.length || utf8[i + 1] != '\n';
                lineLength = 0;
            } else {
                longLine |= ++lineLength > MAX_7BIT_LINE;
                if (!isAscii(b)) {
                    nonAscii++;
                }
            }
        }
        if (nonAscii == 0 && !longLine) {
            return new TextBody(bareLineEnds ? crlf(utf8) : utf8, "7bit");
        }
        // Jakarta Mail counts line ends as ASCII, as they are in the text it is given.
        if (utf8.length - nonAscii > nonAscii) {
            return new TextBody(quotedPrintable(utf8), "quoted-printable");
        }
        return new TextBody(BASE64.encode(bareLineEnds ? crlf(utf8) : utf8), "base64");
    }

    /** Every line end (LF, CR or CRLF) as CRLF; in UTF-8 no other character contains those bytes. */
    private static byte[] crlf(byte[] bytes) {
        byte[] out = new byte[2 * bytes.length];
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\r' || b == '\n') {
                out[n++] = '\r';
                out[n++] = '\n';
                if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
            } else {
                out[n++] = b;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** What RFC 2045 allows in 7bit text besides line ends; Jakarta Mail's MimeUtility test. */
    private static boolean isAscii(byte b) {
        return b == '\t' || (b >= 0x20 && b < 0x7f);
    }

    /**
     * Every line end (LF, CR or CRLF) becomes a CRLF hard line break; long lines get soft breaks
     * ("=" CRLF). Jakarta Mail's rules, so that a message reads the same byte for byte whichever
     * way it was built: a space is literal unless it ends the line, a tab is always encoded, and
     * a soft break comes before any character that would pass column 75. Writes into an array,
     * not a stream with a lock per byte.
     */
    private static byte[] quotedPrintable(byte[] bytes) {
        // Room for a mostly-ASCII letter; grown in the rare case that is not enough.
        byte[] out = new byte[bytes.length + bytes.length / 4 + 64];
        int n = 0;
        int column = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (out.length - n < 8) {
                out = Arrays.copyOf(out, out.length + Math.max(64, 3 * (bytes.length - i) + (bytes.length - i) / 8));
            }
            int b = bytes[i] & 0xff;
            if (b == '\r' || b == '\n') {
                out[n++] = '\r';
                out[n++] = '\n';
                column = 0;
                if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
                continue;
            }
            boolean literal = (b >= 33 && b <= 126 && b != '=') || (b == ' ' && !endsLine(bytes, i));
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
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static boolean endsLine(byte[] bytes, int i) {
        return i + 1 == bytes.length || bytes[i + 1] == '\r' || bytes[i + 1] == '\n';
    }
}
