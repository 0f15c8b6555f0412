package org.signon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built artifacts as a user gets them: the jar run as a process, the man page, completion. */
class JarIT {

    private static final Path JAR = Path.of("target/signon.jar");

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    private static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return exec(env, new ArrayList<>(List.of("java", "-jar", JAR.toString())), args);
    }

    /** The launcher, as the README has users run it. */
    private static Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return exec(env, new ArrayList<>(List.of("bin/signon")), args);
    }

    private static Result exec(Map<String, String> env, List<String> command, String... args)
            throws IOException, InterruptedException {
        command.addAll(List.of(args));
        // stderr to a file: reading two pipes one after the other can deadlock on a full pipe.
        Path err = Files.createTempFile("signon-it", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    @Test
    void versionComesFromTheBuild() throws Exception {
        Result result = run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("signon \\d+\\.\\d+\\.\\d+\\R");
        assertThat(run("render", "--version").out()).isEqualTo(result.out());
    }

    @Test
    void theReadmeCommandRendersTheGoldenLetterInUtf8() throws Exception {
        Result result = run("render", "letters/hart-aws.md");
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(Files.readString(Path.of("src/test/resources/golden/hart-aws.txt")));
    }

    @Test
    void theLauncherRunsTheJarWithItsOptionsAndPassesArgumentsAndExitCodesThrough() throws Exception {
        Result golden = launch(Map.of(), "render", "letters/hart-aws.md");
        assertThat(golden.err()).isEmpty();
        assertThat(golden.out()).isEqualTo(Files.readString(Path.of("src/test/resources/golden/hart-aws.txt")));

        Result missing = launch(Map.of(), "render", "no such letter.md");
        assertThat(missing.exitCode()).isEqualTo(66);
        assertThat(missing.err()).isEqualTo("signon: no such letter.md: no such letter file\n");

        // A JVM warning (here: large pages asked for where none are set aside, as on most machines)
        // goes to stderr, never into a letter rendered to stdout.
        Result warned = launch(Map.of("SIGNON_JAVA_OPTS",
                "-XX:-UseTransparentHugePages -XX:+UseLargePages -XX:LargePageSizeInBytes=1g"), "render", "letters/hart-aws.md");
        assertThat(warned.exitCode()).isZero();
        assertThat(warned.out()).isEqualTo(golden.out());

        Result noJar = launch(Map.of("SIGNON_JAR", "target/no-such.jar"), "--version");
        assertThat(noJar.exitCode()).isEqualTo(66);
        assertThat(noJar.err()).contains("target/no-such.jar is missing: build it with 'mvn -B -q package -DskipTests'");
    }

    @Test
    void theLauncherChoosesTheCollectorByTheCommandUnlessToldOtherwise() throws Exception {
        Map<String, String> gcLog = Map.of("SIGNON_JAVA_OPTS", "-Xlog:gc:stderr");

        assertThat(launch(gcLog, "--verbose", "send", "--help").err()).contains("Using Serial");
        assertThat(launch(gcLog, "render", "--help").err()).contains("Using Parallel");
        assertThat(launch(Map.of("SIGNON_JAVA_OPTS", "-XX:+UseG1GC -Xlog:gc:stderr"), "send", "--help").err())
                .contains("Using G1");
    }

    @Test
    void theLauncherStartsFromTheClassDataArchiveOfItsJarAndOtherwiseRunsWithoutAWord(@TempDir Path dir) throws Exception {
        Path archive = Path.of("target/signon.jsa");
        assertThat(archive).as("made by mvn package (src/build/class-data-archive.sh)").isRegularFile();
        Map<String, String> classLoads = Map.of("SIGNON_JAVA_OPTS", "-Xlog:class+load=info:stderr");

        assertThat(launch(classLoads, "--version").err()).contains("org.signon.cli.Main source: shared objects file");

        // The archive of this jar beside a copy of it: made for another path, the JVM passes it over.
        Path jar = Files.copy(JAR, dir.resolve("signon.jar"));
        Path copied = Files.copy(archive, dir.resolve("signon.jsa"));
        Result elsewhere = launch(Map.of("SIGNON_JAR", jar.toString()), "render", "letters/hart-aws.md");
        assertThat(elsewhere.err()).isEmpty();
        assertThat(elsewhere.out()).isEqualTo(Files.readString(Path.of("src/test/resources/golden/hart-aws.txt")));

        // An archive older than its jar (the jar rebuilt without it) is not even offered.
        Files.setLastModifiedTime(copied, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        Result stale = launch(Map.of("SIGNON_JAR", jar.toString(), "SIGNON_JAVA_OPTS", "-Xlog:cds=info:stderr"), "--version");
        assertThat(stale.exitCode()).isZero();
        assertThat(stale.err()).doesNotContain(copied.toString());
        Files.setLastModifiedTime(copied, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        assertThat(launch(Map.of("SIGNON_JAR", jar.toString(), "SIGNON_JAVA_OPTS", "-Xlog:cds=info:stderr"), "--version").err())
                .as("the same archive, newer than the jar, is offered").contains(copied.toString());
    }

    @Test
    void aPipeIntoHeadEndsTheRunWithoutAMessage(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("Organization,City\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("Example Organization ").append(i).append(",Springfield\n");
        }
        Files.writeString(dir.resolve("s.csv"), csv);
        Path letter = dir.resolve("letter.md");
        Files.writeString(letter, "---\ntitle: T\nsigners: s.csv\n---\nHello\n");
        Path err = dir.resolve("err.txt");
        // More than a pipe holds (64 KB), so signon is still writing when the reader leaves.
        Process process = new ProcessBuilder("java", "-jar", JAR.toString(), "render", letter.toString())
                .redirectError(err.toFile()).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("T");
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(err)).isEmpty();
        assertThat(process.exitValue()).isEqualTo(141);
    }

    @Test
    void failuresAreOneLineWithTheDocumentedCode() throws Exception {
        Result result = run("render", "letters/no-such-letter.md");
        assertThat(result.exitCode()).isEqualTo(66);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("signon: letters/no-such-letter.md");
    }

    /** LANG=C, as in many CI containers: Java cannot encode a non-ASCII file name at all. */
    private static final Map<String, String> ASCII_LOCALE = Map.of("LC_ALL", "C", "LANG", "C");

    @Test
    void aSignersPathTheLocaleCannotEncodeIsNamedWithItsLetterLine(@TempDir Path dir) throws Exception {
        Path letter = dir.resolve("letter.md");
        Files.writeString(letter, "---\ntitle: T\nsigners: \"signataires/\u00e9t\u00e9.csv\"\n---\nHi\n");
        Result result = run(ASCII_LOCALE, "check", letter.toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(66);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("signon: " + letter + ":3: the file name ")
                .contains("LC_ALL=C.UTF-8").doesNotContain("internal error", "Exception");
    }

    @Test
    void aLetterArgumentTheLocaleCannotEncodeSaysSo() throws Exception {
        Result result = run(ASCII_LOCALE, "render", "lettres/\u00e9t\u00e9.md");
        assertThat(result.exitCode()).as(result.err()).isEqualTo(64);
        assertThat(result.err()).contains("system locale cannot encode", "LC_ALL=C.UTF-8")
                .doesNotContain("Exception");
    }

    @Test
    void manPageIsTroffForEveryCommand() throws Exception {
        String page = Files.readString(Path.of("target/man/signon.1"));
        assertThat(page).contains(".TH \"SIGNON\" \"1\"").contains("render").contains("check");
        for (String command : List.of("render", "check", "init", "diff", "send")) {
            assertThat(Path.of("target/man/signon-" + command + ".1")).exists();
        }
    }

    @Test
    void bashCompletionKnowsTheCommandsAndOptions() throws Exception {
        String completion = Files.readString(Path.of("target/signon_completion"));
        assertThat(completion).contains("complete -F _complete_signon", "render", "--signers", "--format");
    }
}
