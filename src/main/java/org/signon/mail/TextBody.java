package org.signon.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A text body in its wire form: UTF-8 with CRLF line ends, sent as 7bit when it is plain ASCII
 * with short lines, else quoted-printable (RFC 2045), which keeps mostly-English letters
 * readable in a raw .eml file. Encoding here once is much faster than Jakarta Mail's per-byte
 * streams, which matters for thousands of personalized messages.
 *
 * @param bytes    the encoded body
 * @param encoding the Content-Transfer-Encoding
 */
record TextBody(byte[] bytes, String encoding) {

    private static final int MAX_7BIT_LINE = 998;
    private static final int MAX_QP_LINE = 76;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    static TextBody of(String text) {
        String crlf = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        byte[] utf8 = crlf.getBytes(StandardCharsets.UTF_8);
        return isSevenBit(utf8) ? new TextBody(utf8, "7bit") : new TextBody(quotedPrintable(utf8), "quoted-printable");
    }

    private static boolean isSevenBit(byte[] bytes) {
        int lineLength = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lineLength = 0;
                continue;
            }
            boolean allowed = b == '\r' || b == '\t' || (b >= 0x20 && b < 0x7f);
            if (!allowed || ++lineLength > MAX_7BIT_LINE) {
                return false;
            }
        }
        return true;
    }

    /** Encodes line by line; CRLF stays a hard line break, long lines get soft breaks ("=" CRLF). */
    private static byte[] quotedPrintable(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + bytes.length / 8 + 16);
        int start = 0;
        while (start <= bytes.length) {
            int end = indexOfCrlf(bytes, start);
            encodeLine(bytes, start, end < 0 ? bytes.length : end, out);
            if (end < 0) {
                break;
            }
            out.write('\r');
            out.write('\n');
            start = end + 2;
        }
        return out.toByteArray();
    }

    private static void encodeLine(byte[] bytes, int from, int to, ByteArrayOutputStream out) {
        int column = 0;
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xff;
            boolean last = i == to - 1;
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last);
            int width = literal ? 1 : 3;
            // Leave room for the "=" of a soft break, unless this is the line's last character.
            if (column + width > (last ? MAX_QP_LINE : MAX_QP_LINE - 1)) {
                out.write('=');
                out.write('\r');
                out.write('\n');
                column = 0;
            }
            if (literal) {
                out.write(b);
            } else {
                out.write('=');
                out.write(HEX[b >> 4]);
                out.write(HEX[b & 0x0f]);
            }
            column += width;
        }
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
