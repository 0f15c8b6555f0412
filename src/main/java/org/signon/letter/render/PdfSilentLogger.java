package org.signon.letter.render;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;

/**
 * openhtmltopdf's global logger, replaced by one that writes nothing: its messages would
 * otherwise go to java.util.logging and clutter the CLI's stderr. Each render still receives
 * them through its own diagnostics consumer ({@link PdfDocument#render(RenderedLetter,
 * java.util.function.Consumer)}), which is where --verbose shows them.
 */
final class PdfSilentLogger implements XRLogger {

    static final PdfSilentLogger INSTANCE = new PdfSilentLogger();

    private PdfSilentLogger() {
    }

    @Override
    public void log(String where, Level level, String message) {
        // Dropped on purpose: see the class comment.
    }

    @Override
    public void log(String where, Level level, String message, Throwable error) {
        // Dropped on purpose: see the class comment.
    }

    @Override
    public void setLevel(String logger, Level level) {
        // Nothing is written at any level.
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return false;
    }
}
