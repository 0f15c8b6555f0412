package org.signon.mail;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A thread of its own beside the caller's: the journal's forces, the preview's file writer and
 * the messages built ahead of sending each run on one.
 */
public final class Background {

    private Background() {
    }

    /** One thread named {@code name}, a daemon: a run that ends never waits on it to exit. */
    public static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * What {@code task} returned, once done; what it threw is thrown as it was when unchecked,
     * else in an IllegalStateException.
     */
    public static <T> T result(Future<T> task) throws InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
