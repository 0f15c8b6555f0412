package org.signon.signers;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.signon.SignonException.Kind;

/**
 * Parses and prepares the rows of a {@link CsvRows} on a second thread, in batches, while the
 * caller sorts out the rows before them: on a large file the CSV parsing and cleaning, and the
 * rest, each take about half the time. The caller still sees every row in file order, then the end of the file or the
 * exact failure that reading one row at a time would have met at that point: an error never
 * arrives earlier or later than it would without the thread.
 */
final class ReadAhead<T> implements AutoCloseable {

    private static final int BATCH_SIZE = 512;
    /** Enough to ride out uneven rows; bounded so that a slow caller holds little memory. */
    private static final int BATCHES_AHEAD = 8;

    /** Consecutive rows; the last batch also says why reading stopped. */
    private record Batch(Object[] rows, int size, boolean last, Throwable failure) {
    }

    private final Path file;
    private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread reader;
    private Batch current = new Batch(new Object[0], 0, false, null);
    private int next;

    private ReadAhead(Path file, CsvRows rows, Function<CsvRows.Row, T> prepare) {
        this.file = file;
        this.reader = new Thread(() -> read(rows, prepare), "signon-csv-reader");
        reader.setDaemon(true);
    }

    /**
     * Starts reading the rest of {@code rows}, each turned by {@code prepare} on the reader
     * thread, which is the only thread that calls it. Close the result before closing {@code rows}.
     */
    static <T> ReadAhead<T> start(Path file, CsvRows rows, Function<CsvRows.Row, T> prepare) {
        ReadAhead<T> ahead = new ReadAhead<>(file, rows, prepare);
        ahead.reader.start();
        return ahead;
    }

    /** The next prepared row, or null at the end of the file. */
    @SuppressWarnings("unchecked")
    T next() {
        while (next == current.size()) {
            if (current.last()) {
                return endOrFailure();
            }
            current = take();
            next = 0;
        }
        return (T) current.rows()[next++];
    }

    private T endOrFailure() {
        Throwable failure = current.failure();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return null;
    }

    private Batch take() {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignersException(Kind.IO, file, 0, null, "reading was interrupted", e);
        }
    }

    /** Runs on the reader thread until the end of the file, a failure, or {@link #close()}. */
    private void read(CsvRows rows, Function<CsvRows.Row, T> prepare) {
        try {
            boolean last = false;
            while (!last) {
                Object[] batch = new Object[BATCH_SIZE];
                int size = 0;
                Throwable failure = null;
                try {
                    while (!last && size < BATCH_SIZE) {
                        CsvRows.Row row = rows.next();
                        last = row == null;
                        if (!last) {
                            batch[size++] = prepare.apply(row);
                        }
                    }
                } catch (RuntimeException | Error e) {
                    failure = e;
                    last = true;
                }
                batches.put(new Batch(batch, size, last, failure));
            }
        } catch (InterruptedException e) {
            // The caller stopped early (a row it could not accept) and no longer takes rows.
        }
    }

    /** Stops the reader thread if the caller stopped early, and waits until it has. */
    @Override
    public void close() {
        reader.interrupt();
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
