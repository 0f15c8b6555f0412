import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP sink on 127.0.0.1 for benchmarks: accepts every message, keeps none, and
 * counts messages and connections. Writes its port to READY_FILE once listening; prints the
 * counts when it is stopped (SIGTERM).
 * java bench/SmtpSink.java READY_FILE
 *
 * It shares the machine's cores with the client it measures, so it costs as little as it can:
 * the message data is skipped in place in the read buffer (no String per line), each reply is
 * one write with Nagle off, one thread per connection. It offers PIPELINING (RFC 2920), as
 * Postfix, Exim and the big providers' submission servers do; commands that arrive together are
 * answered one by one, in order.
 */
public class SmtpSink {

    private static final AtomicLong MESSAGES = new AtomicLong();
    private static final AtomicLong CONNECTIONS = new AtomicLong();

    public static void main(String[] args) throws IOException {
        ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(
                "sink: " + MESSAGES.get() + " messages over " + CONNECTIONS.get() + " connections")));
        Files.writeString(Path.of(args[0]), Integer.toString(server.getLocalPort()));
        while (true) {
            Socket socket = server.accept();
            CONNECTIONS.incrementAndGet();
            Thread t = new Thread(() -> serve(socket));
            t.setDaemon(true);
            t.start();
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            Lines in = new Lines(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            reply(out, "220 sink.example.org ESMTP ready");
            String line;
            while ((line = in.command()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink.example.org\r\n250-8BITMIME\r\n250-PIPELINING\r\n250 SIZE 52428800");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        if (!in.skipData()) {
                            return;
                        }
                        MESSAGES.incrementAndGet();
                        reply(out, "250 2.0.0 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** CRLF-terminated lines read through one buffer. */
    private static final class Lines {

        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;

        Lines(InputStream in) {
            this.in = in;
        }

        /** The next command line without its line end, or null at the end of the stream. */
        String command() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (start == end && !fill()) {
                    return line.length() == 0 ? null : line.toString();
                }
                int newline = indexOfNewline();
                int stop = newline < 0 ? end : newline;
                line.append(new String(buffer, start, stop - start, StandardCharsets.ISO_8859_1));
                if (newline >= 0) {
                    start = newline + 1;
                    int length = line.length();
                    return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
                }
                start = end;
            }
        }

        /** Skips the message data up to its terminating "." line; false at the end of the stream. */
        boolean skipData() throws IOException {
            boolean lineStart = true;
            int dotLine = 0; // 1 after a "." at the start of a line, 2 after ".\r"
            while (true) {
                if (start == end && !fill()) {
                    return false;
                }
                while (start < end) {
                    byte b = buffer[start++];
                    if (b == '\n') {
                        if (dotLine > 0) {
                            return true;
                        }
                        lineStart = true;
                        continue;
                    }
                    if (lineStart && b == '.') {
                        dotLine = 1;
                    } else if (dotLine == 1 && b == '\r') {
                        dotLine = 2;
                    } else {
                        dotLine = 0;
                    }
                    lineStart = false;
                }
            }
        }

        private int indexOfNewline() {
            for (int i = start; i < end; i++) {
                if (buffer[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return false;
            }
            start = 0;
            end = n;
            return true;
        }
    }
}
