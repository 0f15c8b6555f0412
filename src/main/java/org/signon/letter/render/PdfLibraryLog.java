package org.signon.letter.render;

import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * While a PDF is made, what PDFBox, FontBox and Batik log (through commons-logging to
 * java.util.logging, e.g. "Using fallback font LiberationSans for base font Symbol" when
 * openhtmltopdf loads its unused built-in fonts) goes to the render's diagnostics consumer
 * instead of stderr, or nowhere when nobody listens. {@link #restore()} puts the logger back.
 */
final class PdfLibraryLog {

    /** Held here so that java.util.logging, which keeps loggers weakly, keeps our settings. */
    private static final Logger APACHE = Logger.getLogger("org.apache");

    private final Handler handler;
    private final Level level;
    private final boolean useParentHandlers;

    private PdfLibraryLog(Handler handler) {
        this.handler = handler;
        this.level = APACHE.getLevel();
        this.useParentHandlers = APACHE.getUseParentHandlers();
    }

    /** @param diagnostics receives warnings; null to discard everything */
    static PdfLibraryLog capture(Consumer<String> diagnostics) {
        PdfLibraryLog log = new PdfLibraryLog(diagnostics == null ? null : new Forward(diagnostics));
        APACHE.setUseParentHandlers(false);
        if (log.handler == null) {
            APACHE.setLevel(Level.OFF);
        } else {
            APACHE.setLevel(Level.WARNING);
            APACHE.addHandler(log.handler);
        }
        return log;
    }

    void restore() {
        if (handler != null) {
            APACHE.removeHandler(handler);
        }
        APACHE.setLevel(level);
        APACHE.setUseParentHandlers(useParentHandlers);
    }

    private static final class Forward extends Handler {
        private final Consumer<String> diagnostics;

        Forward(Consumer<String> diagnostics) {
            this.diagnostics = diagnostics;
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                diagnostics.accept("pdf: " + record.getLevel().getName().toLowerCase(java.util.Locale.ROOT)
                        + ": " + record.getMessage());
            }
        }

        @Override
        public void flush() {
            // Nothing is buffered.
        }

        @Override
        public void close() {
            // Nothing to release.
        }
    }
}
