package org.signon.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/** How the send tests reach their SMTP server (GreenMail on 127.0.0.1): config and command line. */
final class LoopbackSmtp {

    private LoopbackSmtp() {
    }

    /** Writes {@code dir/signon.properties} for a plain-text server on loopback, retrying at once. */
    static Path config(Path dir, int port) throws IOException {
        return Files.writeString(dir.resolve("signon.properties"), """
                smtp.host = 127.0.0.1
                smtp.port = %d
                smtp.security = none
                smtp.retry.delay = 1
                """.formatted(port));
    }

    /** {@code send LETTER --config DIR/signon.properties EXTRA...} */
    static String[] send(Path letter, Path dir, String... extra) {
        return Stream.concat(Stream.of("send", letter.toString(), "--config", dir.resolve("signon.properties").toString()),
                Arrays.stream(extra)).toArray(String[]::new);
    }
}
