package org.signon.letter.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;
import org.signon.letter.Letter;
import org.signon.letter.LetterException;
import org.signon.letter.RenderedLetter;

/**
 * What rendering a merged letter would stop on, found with the renderers' own code but
 * without making a page or a PDF, and all of it rather than the first: for {@code signon check}.
 */
public final class RenderProblems {

    /**
     * An image of the letter that cannot be shown.
     *
     * @param written the path as the letter has it (front matter {@code logo}, or a body image's destination)
     * @param error   what HTML, PDF and email rendering fail with
     */
    public record ImageProblem(String written, LetterException error) {
    }

    private RenderProblems() {
    }

    /**
     * Reads the {@code logo} and every body image, each once, as HTML, PDF and email do;
     * returns those that fail.
     */
    public static List<ImageProblem> images(RenderedLetter rendered) {
        Letter letter = rendered.letter();
        List<ImageProblem> problems = new ArrayList<>();
        if (!letter.front().logo().isBlank()) {
            attempt(letter.front().logo(), () -> HtmlImage.logo(letter).orElseThrow(), problems);
        }
        HtmlDirection direction = HtmlDirection.ofLanguage(HtmlDocument.language(letter.front().lang()));
        RenderedLetter searched = letter.front().signerLine().isBlank() ? withoutSignerList(rendered) : rendered;
        for (String destination : new LinkedHashSet<>(HtmlBody.imageDestinations(searched, direction))) {
            attempt(destination, () -> HtmlImage.bodyImage(letter, destination), problems);
        }
        return problems;
    }

    /** Every line whose characters the PDF fonts cannot draw; {@link PdfFontGap#error()} is what the PDF fails with. */
    public static List<PdfFontGap> pdfFonts(RenderedLetter rendered) {
        return FontCoverage.gaps(rendered);
    }

    /**
     * The letter without its appended signer list: default signer lines escape every Markdown
     * character, so they hold no image, and a list of 100,000 need not be parsed to know it.
     */
    private static RenderedLetter withoutSignerList(RenderedLetter rendered) {
        String markdown = rendered.markdown();
        int start = markdown.indexOf(RenderedLetter.SIGNERS_START);
        int end = markdown.lastIndexOf(RenderedLetter.SIGNERS_END);
        if (start < 0 || end < start) {
            return rendered;
        }
        return new RenderedLetter(rendered.letter(), markdown.substring(0, start) + markdown.substring(end),
                rendered.signerCount(), rendered.title());
    }

    private static void attempt(String written, Supplier<HtmlImage> read, List<ImageProblem> problems) {
        try {
            read.get();
        } catch (LetterException e) {
            problems.add(new ImageProblem(written, e));
        }
    }
}
