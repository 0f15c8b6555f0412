import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The least a client can do to send N messages the way the send issue requires, as a floor for
 * send-bench.sh's figure: one connection, the envelope pipelined (one write), a message body
 * prepared before the clock starts, and before each message's final "." one journal row
 * written and forced to disk (fdatasync) holding that message's intent and the previous one's
 * outcome. No templates, no MIME, no hashing, no checks: everything signon does besides is
 * above this floor.
 * java bench/SendFloor.java PORT MESSAGES JOURNAL_FILE [BODY_BYTES]
 * Prints the time from the first connect to the last reply; time the whole process for the
 * figure to set beside signon's (JVM start included).
 */
public class SendFloor {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int messages = Integer.parseInt(args[1]);
        Path journal = Path.of(args[2]);
        int bodyBytes = args.length > 3 ? Integer.parseInt(args[3]) : 6000;
        byte[] body = body(bodyBytes);
        long start = System.nanoTime();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                FileChannel rows = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            send(out, "EHLO floor.example.org\r\n");
            expect(in, "250");
            String previous = "";
            for (int i = 1; i <= messages; i++) {
                String to = String.format("rep%05d@example.com", i);
                send(out, "MAIL FROM:<coalition@example.org>\r\nRCPT TO:<" + to + ">\r\n");
                send(out, "DATA\r\n");
                String row = previous + "2026-11-27T00:00:00Z,sending,<" + i + "@example.org>," + to + "\n";
                rows.write(ByteBuffer.wrap(row.getBytes(StandardCharsets.UTF_8)));
                rows.force(false);
                expect(in, "250");
                expect(in, "250");
                expect(in, "354");
                out.write(body);
                send(out, ".\r\n");
                expect(in, "250");
                previous = "2026-11-27T00:00:00Z,sent,<" + i + "@example.org>," + to + "\n";
            }
            rows.write(ByteBuffer.wrap(previous.getBytes(StandardCharsets.UTF_8)));
            rows.force(false);
            send(out, "QUIT\r\n");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("floor: %d messages in %.3f s after start-up (%.0f msg/s)%n", messages, seconds,
                messages / seconds);
    }

    private static byte[] body(int size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String line = "The undersigned organizations ask you to oppose the biometric database bill.\r\n";
        bytes.writeBytes("Subject: floor\r\nFrom: coalition@example.org\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        while (bytes.size() < size) {
            bytes.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
        }
        return bytes.toByteArray();
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one reply (its last line starts with the code and a space) and checks its code. */
    private static void expect(InputStream in, String code) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed, expected " + code);
            }
            if (c != '\n') {
                line.append((char) c);
                continue;
            }
            if (line.length() >= 4 && line.charAt(3) == ' ') {
                if (!line.toString().startsWith(code)) {
                    throw new IOException("expected " + code + ", got: " + line.toString().trim());
                }
                return;
            }
            line.setLength(0);
        }
    }
}
