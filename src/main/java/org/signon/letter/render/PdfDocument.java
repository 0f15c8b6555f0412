package org.signon.letter.render;

import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.logging.Level;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Element;
import org.signon.SignonException.Kind;
import org.signon.letter.Letter;
import org.signon.letter.LetterException;
import org.signon.letter.RenderedLetter;

/**
 * A merged letter as a PDF: the same HTML as {@link HtmlDocument}, laid out by openhtmltopdf
 * on letter or A4 paper with "Page n of m" footers, in DejaVu fonts embedded from the jar so
 * that every signer name, in Latin, Greek, Cyrillic or Arabic script, renders and can be
 * copied as text. Nothing is fetched: images come inline as {@code data:} URIs.
 */
public final class PdfDocument {

    static final String PDF_STYLESHEET = "letter-pdf.css";

    private static final Consumer<String> QUIET = message -> { };

    private static final Object LIBRARY_SETTINGS = new Object();

    private PdfDocument() {
    }

    /**
     * The PDF with the renderer's own messages discarded, so the CLI's output stays clean.
     *
     * @throws LetterException NO_INPUT for a missing logo or image; DATA for a bad image, a
     *                         bad {@code paper}, or a character no bundled font can draw; IO
     *                         when the layout engine fails
     */
    public static byte[] render(RenderedLetter rendered) {
        return render(rendered, QUIET);
    }

    /** As {@link #render(RenderedLetter)}, handing each renderer message (for --verbose) to {@code diagnostics}. */
    public static byte[] render(RenderedLetter rendered, Consumer<String> diagnostics) {
        return render(rendered, diagnostics, BatchMemo.none()).bytes();
    }

    /** As {@link #render(RenderedLetter)}, with the letterhead and images a batch already read, and what it was made from. */
    static LetterPdf render(RenderedLetter rendered, BatchMemo memo) {
        return render(rendered, QUIET, memo);
    }

    private static LetterPdf render(RenderedLetter rendered, Consumer<String> diagnostics, BatchMemo memo) {
        Objects.requireNonNull(diagnostics, "diagnostics");
        Letter letter = rendered.letter();
        PdfPaper paper = PdfPaper.of(letter);
        FontCoverage.check(rendered);
        String stylesheet = Stylesheet.PDF + PdfFooter.css(HtmlDocument.language(letter.front().lang()));
        String html = HtmlDocument.compose(rendered, stylesheet, false, memo);
        String source = sourceSha256(paper, html);
        org.w3c.dom.Document dom = W3CDom.convert(headingsBeforeColumns(Jsoup.parse(html)));

        // The library's logging switches (XRLog, the "org.apache" logger) are process-wide, and a
        // dry run renders messages on both cores: one PDF at a time keeps each render's settings
        // its own and restores them in order.
        synchronized (LIBRARY_SETTINGS) {
            // openhtmltopdf logs to java.util.logging by default. It writes nothing itself here:
            // when someone listens, its warnings go to this render's consumer, else it is off.
            XRLog.setLoggerImpl(PdfSilentLogger.INSTANCE);
            XRLog.setLoggingEnabled(diagnostics != QUIET);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .withW3cDocument(dom, null)
                    .useDefaultPageSize(paper.width(), paper.height(), paper.units())
                    .useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
                    .useUnicodeBidiReorderer(new ArabicScriptShaping())
                    .useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE,
                            SvgExternalResourceMode.SECURE))
                    .useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                            ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .withDiagnosticConsumer(diagnostic -> {
                        if (diagnostic.getLevel().intValue() >= Level.WARNING.intValue()) {
                            diagnostics.accept(describe(diagnostic));
                        }
                    })
                    .withProducer("signon");
            PdfFont.registerAll(builder);
            PdfLibraryLog libraryLog = PdfLibraryLog.capture(diagnostics == QUIET ? null : diagnostics);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer();
                    PDDocument document = renderer.getPdfDocument()) {
                // What builder.run() does, with the document kept open to settle before saving.
                renderer.createPDFWithoutClosing();
                ReproduciblePdf.settle(document, source);
                document.save(out);
            } catch (IOException | RuntimeException e) {
                throw new LetterException(Kind.IO, letter.file(), 0, null,
                        "cannot make the PDF: " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
            } finally {
                libraryLog.restore();
            }
            return new LetterPdf(out.toByteArray(), source);
        }
    }

    /**
     * Marks each heading that a list in columns follows, for the stylesheet's
     * {@code h2.before-columns}. openhtmltopdf keeps a heading with what follows
     * ({@code page-break-after: avoid}) by laying the two out again on the next page, and laying a
     * column box out twice throws (IndexOutOfBoundsException): such a heading is instead moved
     * to the next page when too little room is left under it for its first names.
     */
    static org.jsoup.nodes.Document headingsBeforeColumns(org.jsoup.nodes.Document page) {
        for (Element list : page.select("ul.long")) {
            Element before = list.previousElementSibling();
            if (before != null && before.normalName().equals("h2")) {
                before.addClass("before-columns");
            }
        }
        return page;
    }

    /** What the PDF is made from, for {@link LetterPdf#sourceSha256()}: the paper and the HTML. */
    private static String sourceSha256(PdfPaper paper, String html) {
        return Sha256.hex((paper.width() + "x" + paper.height() + " " + paper.units() + "\n").getBytes(StandardCharsets.UTF_8),
                html.getBytes(StandardCharsets.UTF_8));
    }

    private static String describe(Diagnostic diagnostic) {
        return "pdf: " + diagnostic.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
                + diagnostic.getFormattedMessage();
    }

    /** Read from the jar once: each attached PDF of a batch needs the same stylesheet. */
    private static final class Stylesheet {
        static final String PDF = HtmlDocument.stylesheet(PDF_STYLESHEET);
    }
}
