package org.signon.letter.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.signon.letter.Letter;
import org.signon.letter.RenderedLetter;

/**
 * A merged letter as a standalone HTML5 page: one file with its stylesheet and letterhead
 * inline, no script, no web font, no request to any server.
 */
public final class HtmlDocument {

    static final String SCREEN_STYLESHEET = "letter.css";

    /** Page policy for browsers: inline styles and images only, nothing fetched, nothing run. */
    private static final String POLICY = policy("data:");
    /** The same for an email, whose images are parts of the message. */
    private static final String EMAIL_POLICY = policy("cid:");

    private HtmlDocument() {
    }

    /**
     * @throws LetterException NO_INPUT when the front matter {@code logo} or a body image is
     *                         missing, DATA when an image is not a PNG, JPEG, GIF or SVG file or
     *                         is a web address
     */
    public static String render(RenderedLetter rendered) {
        return render(rendered, BatchMemo.none());
    }

    static String render(RenderedLetter rendered, BatchMemo memo) {
        return compose(rendered, Stylesheets.SCREEN, true, memo, PageImages.dataUris());
    }

    /**
     * The page as the HTML part of an email: the same page, but its images are {@code cid:}
     * references to parts of the message, which mail clients show where they block {@code data:}.
     *
     * @throws LetterException as {@link #render(RenderedLetter)}
     */
    static EmailHtml renderForEmail(RenderedLetter rendered, BatchMemo memo) {
        PageImages images = PageImages.emailParts();
        String html = compose(rendered, Stylesheets.SCREEN, true, memo, images);
        return new EmailHtml(html, images.parts());
    }

    /** The page with the given stylesheet; {@code browser} adds what only browsers read. */
    static String compose(RenderedLetter rendered, String stylesheet, boolean browser) {
        return compose(rendered, stylesheet, browser, BatchMemo.none());
    }

    /** {@link #compose(RenderedLetter, String, boolean)} with the images and signer section a batch already has. */
    static String compose(RenderedLetter rendered, String stylesheet, boolean browser, BatchMemo memo) {
        return compose(rendered, stylesheet, browser, memo, PageImages.dataUris());
    }

    private static String compose(RenderedLetter rendered, String stylesheet, boolean browser, BatchMemo memo,
            PageImages images) {
        Letter letter = rendered.letter();
        String lang = language(letter.front().lang());
        Optional<HtmlImage> logo = letter.front().logo().isBlank() ? Optional.empty()
                : Optional.of(memo.image(HtmlImage.key(letter, "logo", letter.front().logo()),
                        () -> HtmlImage.logo(letter).orElseThrow()));
        HtmlDirection direction = HtmlDirection.ofLanguage(lang);
        StringBuilder html = new StringBuilder(rendered.markdown().length() * 3 / 2 + stylesheet.length() + 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(lang)).append('"');
        if (direction == HtmlDirection.RTL) {
            html.append(" dir=\"rtl\"");
        }
        html.append(">\n<head>\n<meta charset=\"utf-8\">\n");
        if (browser) {
            html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            if (!images.email()) {
                html.append(policyMeta(POLICY));
            }
        }
        int policyAt = html.length();
        html.append("<title>").append(escape(rendered.titleOrName())).append("</title>\n");
        html.append("<style>\n").append(stylesheet).append("</style>\n");
        html.append("</head>\n<body>\n<main>\n");
        logo.ifPresent(image -> html.append("<img class=\"letterhead\" alt=\"\" src=\"")
                .append(images.src(image)).append("\">\n"));
        HtmlBody.renderInto(rendered, direction, memo, images, html);
        html.append("</main>\n</body>\n</html>\n");
        if (browser && images.email()) {
            // Known only now that the body named its images. An email without images keeps the
            // page policy, so its HTML, and the journal's hash of it, is what it always was.
            html.insert(policyAt, policyMeta(images.parts().isEmpty() ? POLICY : EMAIL_POLICY));
        }
        return html.toString();
    }

    private static String policyMeta(String policy) {
        return "<meta http-equiv=\"Content-Security-Policy\" content=\"" + policy + "\">\n";
    }

    private static String policy(String images) {
        return "default-src 'none'; img-src " + images + "; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
    }

    /** A BCP 47 tag for {@code lang="..."}: {@code pt_BR} becomes {@code pt-BR}, nonsense {@code en}. */
    static String language(String lang) {
        String tag = Locale.forLanguageTag(lang.strip().replace('_', '-')).toLanguageTag();
        return tag.equals("und") ? "en" : tag;
    }

    /** Read from the jar once: a batch of a thousand emails needs the same stylesheet a thousand times. */
    private static final class Stylesheets {
        static final String SCREEN = stylesheet(SCREEN_STYLESHEET);
    }

    static String stylesheet(String name) {
        try (InputStream in = HtmlDocument.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " in the signon jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text for an element or a quoted attribute value. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
