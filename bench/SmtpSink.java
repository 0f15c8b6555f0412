import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            reply(out, "220 sink.example.org ESMTP ready");
            String line;
            while ((line = readLine(in)) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink.example.org\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        String body;
                        while ((body = readLine(in)) != null && !body.equals(".")) {
                            // discarded
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

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
        return line.length() == 0 ? null : line.toString();
    }
}
