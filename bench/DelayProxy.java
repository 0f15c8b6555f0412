import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP relay on 127.0.0.1 that makes the loopback a slow link, for benchmarks: every chunk of
 * bytes read from one side is written to the other ONE_WAY_MS after it was read, in order, so a
 * client sees a round trip of about 2 x ONE_WAY_MS per exchange. Writes its port to
 * LISTEN_PORT_FILE once listening; one connection upstream per client connection.
 * java bench/DelayProxy.java LISTEN_PORT_FILE UPSTREAM_PORT ONE_WAY_MS
 *
 * The connection set-up is delayed too: the upstream connection is opened 3 one-way delays
 * after the client's is accepted, so that the server's greeting reaches the client 2 round
 * trips after it connected, as over a real link (SYN, SYN-ACK, then the client's ACK reaches
 * the server, which only then greets). Without it a client that opens one connection per
 * message would be spared 1.5 round trips per message that it pays over a real link.
 * Bandwidth is not limited: only latency is simulated.
 */
public class DelayProxy {

    /** Bytes to write at a deadline (System.nanoTime); an empty chunk stands for the end of the stream. */
    private record Chunk(long deadline, byte[] bytes) {
    }

    public static void main(String[] args) throws IOException {
        Path portFile = Path.of(args[0]);
        int upstreamPort = Integer.parseInt(args[1]);
        long oneWayNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[2]));
        ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Files.writeString(portFile, Integer.toString(server.getLocalPort()));
        while (true) {
            Socket client = server.accept();
            daemon(() -> relay(client, upstreamPort, oneWayNanos));
        }
    }

    private static void relay(Socket client, int upstreamPort, long oneWayNanos) {
        long accepted = System.nanoTime();
        CompletableFuture<Socket> upstream = new CompletableFuture<>();
        Pair pair = new Pair(client, upstream);
        // The client's first bytes are read (and their deadlines set) while the handshake's
        // delay runs; they are written once the upstream connection exists.
        BlockingQueue<Chunk> toServer = new LinkedBlockingQueue<>();
        daemon(() -> read(client, toServer, oneWayNanos));
        daemon(() -> {
            try {
                write(toServer, upstream.join(), pair);
            } catch (CompletionException e) {
                pair.directionDone();
            }
        });
        try {
            client.setTcpNoDelay(true);
            sleepUntil(accepted + 3 * oneWayNanos);
            Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            server.setTcpNoDelay(true);
            upstream.complete(server);
            BlockingQueue<Chunk> toClient = new LinkedBlockingQueue<>();
            daemon(() -> read(server, toClient, oneWayNanos));
            daemon(() -> write(toClient, client, pair));
        } catch (IOException | InterruptedException e) {
            upstream.completeExceptionally(e);
            pair.close();
        }
    }

    /** Reads chunks from {@code from} and queues each with its deadline; the end of the stream as an empty chunk. */
    private static void read(Socket from, BlockingQueue<Chunk> queue, long oneWayNanos) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            int n;
            while ((n = in.read(buffer)) > 0) {
                queue.add(new Chunk(System.nanoTime() + oneWayNanos, Arrays.copyOf(buffer, n)));
            }
        } catch (IOException e) {
            // the connection was reset or closed: forward the end
        }
        queue.add(new Chunk(System.nanoTime() + oneWayNanos, new byte[0]));
    }

    /** Writes each queued chunk to {@code to} at its deadline, then passes the end of the stream on. */
    private static void write(BlockingQueue<Chunk> queue, Socket to, Pair pair) {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk chunk = queue.take();
                sleepUntil(chunk.deadline());
                if (chunk.bytes().length == 0) {
                    break;
                }
                out.write(chunk.bytes());
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException | InterruptedException e) {
            // one side went away: drop the connection both ways
            pair.close();
        }
        pair.directionDone();
    }

    /** A client connection and its upstream one; closed when both directions have ended. */
    private static final class Pair {

        private final Socket client;
        private final CompletableFuture<Socket> upstream;
        private final AtomicInteger done = new AtomicInteger();

        Pair(Socket client, CompletableFuture<Socket> upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void directionDone() {
            if (done.incrementAndGet() == 2) {
                close();
            }
        }

        void close() {
            closeQuietly(client);
            Socket server = upstream.getNow(null);
            if (server != null) {
                closeQuietly(server);
            }
        }
    }

    /** Waits until the deadline; parkNanos, since Thread.sleep rounds to whole milliseconds on Java 17. */
    private static void sleepUntil(long deadline) throws InterruptedException {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
