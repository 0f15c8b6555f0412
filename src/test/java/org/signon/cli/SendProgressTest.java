package org.signon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress bar's text as a terminal receives it. */
class SendProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final SendProgress.Bar bar = new SendProgress.Bar(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String drawn() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunStoppedByCtrlCEndsTheBarsLineMarkedStoppedSoThePromptStartsOnALineOfItsOwn() {
        bar.started(200, 200);

        bar.stop();

        String lastLine = drawn().substring(drawn().lastIndexOf('\r') + 1);
        assertThat(lastLine).startsWith("Sending").contains("0/200").contains("stopped").endsWith("\n");
        bar.close();
        assertThat(drawn()).as("the run's own close after the hook draws nothing more").endsWith(lastLine);
        assertThat(drawn().chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void aRunThatEndsClosesTheBarOnceWithoutSayingStopped() {
        bar.started(3, 3);

        bar.close();
        bar.stop();

        assertThat(drawn()).contains("0/3").doesNotContain("stopped").endsWith("\n");
        assertThat(drawn().chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void aRunWithNothingToSendDrawsNoBar() {
        bar.started(200, 0);

        bar.close();
        bar.stop();

        assertThat(drawn()).isEmpty();
    }
}
