package org.signon.letter.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small real image files for letterhead tests. */
final class HtmlTestImages {

    static final String SVG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="300" height="60" viewBox="0 0 300 60">
              <rect width="300" height="60" fill="#b00020"/>
              <circle cx="30" cy="30" r="20" fill="#ffffff"/>
            </svg>
            """;

    private HtmlTestImages() {
    }

    /** Writes a 480x96 PNG letterhead to {@code file} and returns its bytes. */
    static byte[] png(Path file) throws IOException {
        return png(file, 0x1f4e79);
    }

    /** As {@link #png(Path)} on a background of {@code rgb}: another color, other bytes. */
    static byte[] png(Path file, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(480, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, 480, 96);
        g.setColor(Color.WHITE);
        g.fillOval(16, 8, 80, 80);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, out.toByteArray());
        return out.toByteArray();
    }
}
