package org.signon.mail.smtp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A TCP proxy on 127.0.0.1 between a real SMTP client and a real SMTP server (GreenMail) that
 * produces the faults GreenMail cannot: it only rewrites replies or cuts connections, and it can
 * terminate STARTTLS, which GreenMail 2.1 does not offer. Messages are numbered by the MAIL FROM
 * commands seen, from 1, across connections (a retried message gets a new number).
 */
public final class SmtpFaultProxy implements AutoCloseable {

    private final int upstreamPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final Map<Integer, String> mailReplies = new ConcurrentHashMap<>();
    private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
    private final Set<Integer> dropAtData = ConcurrentHashMap.newKeySet();
    private final Set<Integer> dropAfterDot = ConcurrentHashMap.newKeySet();
    private final Set<Integer> dropAtRecipient = ConcurrentHashMap.newKeySet();
    private final Map<Integer, String> dotReplies = new ConcurrentHashMap<>();
    private final Map<Integer, Runnable> atDot = new ConcurrentHashMap<>();
    private final Map<Integer, Runnable> atMail = new ConcurrentHashMap<>();
    private volatile int refuseAfter = Integer.MAX_VALUE;
    private volatile boolean refusing;
    private volatile SSLContext startTls;
    private volatile boolean hideAuth;
    private volatile String authOffer;
    private volatile boolean pipelining;
    private volatile String ehloAfterStartTls;
    private volatile boolean offersOnlyBeforeStartTls;
    private final List<String> verbs = new CopyOnWriteArrayList<>();
    private final AtomicInteger pipelinedEnvelopes = new AtomicInteger();

    public SmtpFaultProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "smtp-fault-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** TCP connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** MAIL FROM commands seen so far: the messages the client began. */
    public int messages() {
        return messages.get();
    }

    /** Replies {@code reply} to the MAIL FROM of message {@code n} instead of forwarding it. */
    public SmtpFaultProxy replyToMail(int n, String reply) {
        mailReplies.put(n, reply);
        return this;
    }

    /** Replies {@code reply} to every RCPT TO for {@code address}. */
    public SmtpFaultProxy rejectRecipient(String address, String reply) {
        recipientReplies.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** Forwards every RCPT TO for {@code address} again, after {@link #rejectRecipient}. */
    public SmtpFaultProxy acceptRecipient(String address) {
        recipientReplies.remove(address.toLowerCase(Locale.ROOT));
        return this;
    }

    /**
     * Takes message {@code n}'s data itself and answers its final "." with {@code reply}; the
     * server behind gets RSET instead of the data, so nothing is delivered.
     */
    public SmtpFaultProxy replyToDot(int n, String reply) {
        dotReplies.put(n, reply);
        return this;
    }

    /** Cuts the connection when message {@code n} sends DATA: nothing reaches the server. */
    public SmtpFaultProxy dropAtData(int n) {
        dropAtData.add(n);
        return this;
    }

    /** Cuts the connection when message {@code n} sends its first RCPT TO: its MAIL FROM was answered, nothing more. */
    public SmtpFaultProxy dropAtRecipient(int n) {
        dropAtRecipient.add(n);
        return this;
    }

    /** Passes message {@code n} complete to the server, waits for its reply, then cuts the connection. */
    public SmtpFaultProxy dropAfterDot(int n) {
        dropAfterDot.add(n);
        return this;
    }

    /** Runs {@code check} when the final "." of message {@code n} arrives, before the server sees it. */
    public SmtpFaultProxy atDot(int n, Runnable check) {
        atDot.put(n, check);
        return this;
    }

    /** Runs {@code check} when the MAIL FROM of message {@code n} arrives, before anything is answered. */
    public SmtpFaultProxy atMail(int n, Runnable check) {
        atMail.put(n, check);
        return this;
    }

    /** After message {@code n}, cuts the connection and refuses every new one until {@link #accept()}. */
    public SmtpFaultProxy refuseAfter(int n) {
        refuseAfter = n;
        return this;
    }

    /** Accepts connections again after {@link #refuseAfter(int)}. */
    public SmtpFaultProxy accept() {
        refusing = false;
        refuseAfter = Integer.MAX_VALUE;
        return this;
    }

    /**
     * Removes the AUTH lines from every EHLO reply from now on (before and after STARTTLS), as a
     * server that takes no logins, or an attacker stripping them, would.
     */
    public SmtpFaultProxy hideAuth() {
        hideAuth = true;
        return this;
    }

    /** Offers only the login methods {@code mechanisms} ("CRAM-MD5") in every EHLO reply from now on. */
    public SmtpFaultProxy offerAuth(String mechanisms) {
        authOffer = mechanisms;
        hideAuth = true;
        return this;
    }

    /**
     * Offers PIPELINING (RFC 2920) in every EHLO reply, and from each MAIL FROM reads ahead to
     * the DATA before answering anything: a client that waits for replies instead is answered
     * after a few seconds, and its envelope is not counted in {@link #pipelinedEnvelopes()}.
     * The server behind still gets one command at a time.
     */
    public SmtpFaultProxy offerPipelining() {
        pipelining = true;
        return this;
    }

    /** Envelopes (MAIL FROM to DATA) that arrived whole before the first reply to them. */
    public int pipelinedEnvelopes() {
        return pipelinedEnvelopes.get();
    }

    /**
     * Answers the EHLO after STARTTLS with {@code reply} instead of forwarding it, or cuts the
     * connection there when {@code reply} is empty; the server behind, which never saw the
     * STARTTLS, would go on taking commands.
     */
    public SmtpFaultProxy answerEhloAfterStartTls(String reply) {
        ehloAfterStartTls = reply;
        return this;
    }

    /**
     * Shows the EHLO reply after STARTTLS as the server sent it, without AUTH and without the
     * proxy's PIPELINING: what the client saw before TLS is what someone on the path added.
     */
    public SmtpFaultProxy offersOnlyBeforeStartTls() {
        offersOnlyBeforeStartTls = true;
        return this;
    }

    /** The first word of every command the client sent, upper case, in order, across connections. */
    public List<String> verbs() {
        return List.copyOf(verbs);
    }

    /** Offers STARTTLS and terminates it with {@code context}; the server behind stays plain. */
    public SmtpFaultProxy offerStartTls(SSLContext context) {
        startTls = context;
        return this;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                sockets.add(client);
                if (refusing) {
                    closeQuietly(client);
                    continue;
                }
                Thread handler = new Thread(() -> handle(client), "smtp-fault-proxy-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket clientSocket) {
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            sockets.add(upstream);
            new Session(clientSocket, upstream).run();
        } catch (IOException e) {
            // The client or the test closed the connection: nothing to report.
        } finally {
            closeQuietly(clientSocket);
        }
    }

    /** One proxied connection. */
    private final class Session {
        private Socket client;
        private InputStream clientIn;
        private OutputStream clientOut;
        private final InputStream serverIn;
        private final OutputStream serverOut;
        private boolean tls;
        /** Commands read ahead of their turn, from a pipelined envelope. */
        private final Deque<String> ahead = new ArrayDeque<>();

        Session(Socket client, Socket upstream) throws IOException {
            this.client = client;
            this.clientIn = new BufferedInputStream(client.getInputStream());
            this.clientOut = client.getOutputStream();
            this.serverIn = new BufferedInputStream(upstream.getInputStream());
            this.serverOut = upstream.getOutputStream();
        }

        void run() throws IOException {
            toClient(readReply());
            int current = 0;
            String line;
            while ((line = nextCommand()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                verbs.add(command.split("[ :]", 2)[0]);
                if (command.startsWith("EHLO") && tls && ehloAfterStartTls != null) {
                    if (ehloAfterStartTls.isEmpty()) {
                        return;
                    }
                    toClient(List.of(ehloAfterStartTls));
                } else if (command.startsWith("EHLO") && tls && offersOnlyBeforeStartTls) {
                    toServer(line);
                    toClient(withAuth(readReply(), null));
                } else if (command.startsWith("EHLO")) {
                    toServer(line);
                    toClient(withPipelining(withStartTls(withAuthRewritten(readReply()))));
                } else if (command.equals("STARTTLS") && startTls != null && !tls) {
                    toClient(List.of("220 2.0.0 Ready to start TLS"));
                    upgrade();
                } else if (command.startsWith("MAIL FROM")) {
                    if (pipelining) {
                        readAheadToData();
                    }
                    current = messages.incrementAndGet();
                    atMail.getOrDefault(current, () -> { }).run();
                    String reply = mailReplies.get(current);
                    if (reply != null) {
                        toClient(List.of(reply));
                    } else {
                        relay(line);
                    }
                } else if (command.startsWith("RCPT TO")) {
                    if (dropAtRecipient.contains(current)) {
                        return;
                    }
                    String reply = recipientReplies.get(address(line));
                    if (reply != null) {
                        toClient(List.of(reply));
                    } else {
                        relay(line);
                    }
                } else if (command.equals("DATA")) {
                    if (dropAtData.contains(current)) {
                        return;
                    }
                    String dotReply = dotReplies.get(current);
                    if (dotReply != null) {
                        refuseData(dotReply);
                        continue;
                    }
                    if (!relay(line).get(0).startsWith("354")) {
                        continue;
                    }
                    if (!copyData(current)) {
                        return;
                    }
                    if (current >= refuseAfter) {
                        refusing = true;
                        return;
                    }
                } else {
                    relay(line);
                }
            }
        }

        /** Copies the message data; false when the connection is to be cut after the ".". */
        private boolean copyData(int current) throws IOException {
            String line;
            while ((line = readLine(clientIn)) != null) {
                if (line.equals(".")) {
                    atDot.getOrDefault(current, () -> { }).run();
                }
                toServer(line);
                if (line.equals(".")) {
                    List<String> reply = readReply();
                    if (dropAfterDot.contains(current)) {
                        return false;
                    }
                    toClient(reply);
                    return true;
                }
            }
            return false;
        }

        /** Answers DATA, reads the data up to its ".", answers that with {@code reply} and resets the server. */
        private void refuseData(String reply) throws IOException {
            toClient(List.of("354 End data with <CR><LF>.<CR><LF>"));
            String line;
            while ((line = readLine(clientIn)) != null && !line.equals(".")) {
                // The data goes nowhere.
            }
            toClient(List.of(reply));
            toServer("RSET");
            readReply();
        }

        private List<String> relay(String line) throws IOException {
            toServer(line);
            List<String> reply = readReply();
            toClient(reply);
            return reply;
        }

        private String nextCommand() throws IOException {
            return ahead.isEmpty() ? readLine(clientIn) : ahead.poll();
        }

        /** Reads the commands after MAIL FROM up to DATA, as a pipelining client sends them unanswered. */
        private void readAheadToData() throws IOException {
            client.setSoTimeout(3000);
            try {
                String line;
                while ((line = readLine(clientIn)) != null) {
                    ahead.add(line);
                    if (line.equalsIgnoreCase("DATA")) {
                        pipelinedEnvelopes.incrementAndGet();
                        return;
                    }
                }
            } catch (SocketTimeoutException e) {
                // The client waits for a reply: it does not pipeline.
            } finally {
                client.setSoTimeout(0);
            }
        }

        private List<String> withPipelining(List<String> reply) {
            if (!pipelining || reply.isEmpty() || !reply.get(0).startsWith("250")) {
                return reply;
            }
            List<String> out = new ArrayList<>();
            for (String line : reply) {
                out.add("250-" + line.substring(4));
            }
            out.add("250 PIPELINING");
            return out;
        }

        private List<String> withAuthRewritten(List<String> reply) {
            return hideAuth ? withAuth(reply, authOffer) : reply;
        }

        /** {@code reply} with its AUTH lines replaced by one offering {@code offer}, or none when null. */
        private List<String> withAuth(List<String> reply, String offer) {
            if (reply.isEmpty() || !reply.get(0).startsWith("250")) {
                return reply;
            }
            List<String> texts = reply.stream().map(line -> line.length() > 4 ? line.substring(4) : "")
                    .filter(text -> !text.toUpperCase(Locale.ROOT).matches("AUTH([ =].*)?"))
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            if (offer != null) {
                texts.add("AUTH " + offer);
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                out.add((i == texts.size() - 1 ? "250 " : "250-") + texts.get(i));
            }
            return out;
        }

        private List<String> withStartTls(List<String> reply) {
            if (startTls == null || tls || reply.isEmpty() || !reply.get(0).startsWith("250")) {
                return reply;
            }
            List<String> out = new ArrayList<>();
            out.add("250-" + reply.get(0).substring(4));
            out.add(reply.size() == 1 ? "250 STARTTLS" : "250-STARTTLS");
            out.addAll(reply.subList(1, reply.size()));
            return out;
        }

        private void upgrade() throws IOException {
            SSLSocket secure = (SSLSocket) startTls.getSocketFactory().createSocket(client, null, true);
            secure.setUseClientMode(false);
            secure.startHandshake();
            sockets.add(secure);
            client = secure;
            clientIn = new BufferedInputStream(secure.getInputStream());
            clientOut = secure.getOutputStream();
            tls = true;
        }

        private List<String> readReply() throws IOException {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = readLine(serverIn)) != null) {
                lines.add(line);
                if (line.length() < 4 || line.charAt(3) != '-') {
                    break;
                }
            }
            if (lines.isEmpty()) {
                throw new IOException("server closed the connection");
            }
            return lines;
        }

        private void toServer(String line) throws IOException {
            serverOut.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            serverOut.flush();
        }

        private void toClient(List<String> lines) throws IOException {
            for (String line : lines) {
                clientOut.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            clientOut.flush();
        }
    }

    private static String address(String rcpt) {
        int open = rcpt.indexOf('<');
        int close = rcpt.indexOf('>', open + 1);
        return open < 0 || close < 0 ? "" : rcpt.substring(open + 1, close).toLowerCase(Locale.ROOT);
    }

    /** One line without its CRLF, bytes kept as ISO-8859-1 so that UTF-8 passes through untouched. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
