package org.signon.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output that notices when its reader went away: {@code signon render ... | head -1}
 * closes the pipe once it has its line. That is the reader's choice, not a failure to report, so
 * signon then stops without a message, as a program stopped by SIGPIPE does (the JVM ignores
 * the signal and sees the error instead). Any other write error (a full disk) stays an error.
 */
final class PipeOutput extends FilterOutputStream {

    private volatile boolean readerGone;

    PipeOutput(OutputStream out) {
        super(out);
    }

    /** Whether a write failed because nothing reads the other end any more. */
    boolean readerGone() {
        return readerGone;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw noted(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw noted(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw noted(e);
        }
    }

    private IOException noted(IOException e) {
        String message = String.valueOf(e.getMessage());
        // EPIPE as Linux and macOS word it; Windows says the pipe "is being closed".
        if (message.contains("Broken pipe") || message.contains("pipe is being closed")) {
            readerGone = true;
        }
        return e;
    }
}
