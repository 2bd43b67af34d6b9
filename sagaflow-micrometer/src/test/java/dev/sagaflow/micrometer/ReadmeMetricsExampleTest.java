package dev.sagaflow.micrometer;

import static dev.sagaflow.jdbc.testing.ReadmeExamples.blocks;
import static dev.sagaflow.jdbc.testing.ReadmeExamples.compile;
import static dev.sagaflow.jdbc.testing.ReadmeExamples.readme;
import dev.sagaflow.jdbc.testing.ReadmeExamples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's section "Metrics with Micrometer" as a user takes it: its {@code java} block, cut out of
 * README.md as it stands, compiled against this module's test classpath (sagaflow-micrometer,
 * sagaflow-jdbc, the Prometheus registry: what the section's Maven snippet brings) and run in a JVM of
 * its own; its endpoint is scraped over HTTP until the scrape holds every sample line the README says
 * it holds, with the README's values.
 */
class ReadmeMetricsExampleTest {
    static final String SECTION = "## Metrics with Micrometer";

    @TempDir
    Path dir;

    @Test
    void theExampleServesTheSamplesTheReadmeShows() throws Exception {
        String section = section(Files.readString(readme()));
        List<String> java = blocks(section, "java");
        assertThat(java).as("```java blocks in '%s'", SECTION).hasSize(1);
        Matcher declared = Pattern.compile("^public class (\\w+)", Pattern.MULTILINE).matcher(java.getFirst());
        assertThat(declared.find()).as("a public class in the example").isTrue();
        String className = declared.group(1);
        List<String> promised = blocks(section, "").stream()
                .filter(block -> block.startsWith("sagaflow_")).findFirst().orElseThrow().lines().toList();
        assertThat(promised).as("the sample lines the README shows").hasSizeGreaterThan(5);

        Path classes = dir.resolve("classes");
        assertThat(compile(className, java.getFirst(), classes)).as("the example compiles as it stands").isEmpty();

        int port = freePort();
        Path work = Files.createDirectories(dir.resolve("work"));
        Path out = work.resolve("stdout.txt");
        Process example = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"),
                className, String.valueOf(port))
                .directory(work.toFile()).redirectOutput(out.toFile()).redirectError(work.resolve("stderr.txt").toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(example.isAlive()).as("the example serves until stopped; %s", report(work)).isTrue();
                assertThat(Files.readAllLines(out)).containsSubsequence("pay-1: COMPLETED", "refunded pay-2", "pay-2: FAILED");
            });
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                String scrape = scrape(http, port);
                assertThat(scrape.lines().toList()).as("the scrape, against the README's sample lines").containsAll(promised);
            });
        } finally {
            example.destroy();
            example.onExit().get();
        }
    }

    /** The section's Maven snippet names this build's version and the Micrometer the module is built with. */
    @Test
    void theReadmeDependenciesAreThisBuildsCoordinates() throws IOException {
        String section = section(Files.readString(readme()));
        String pom = Files.readString(readme().resolveSibling("pom.xml"));
        List<String> xml = blocks(section, "xml");
        assertThat(xml).hasSize(1);
        String version = first(pom, "<artifactId>sagaflow-parent</artifactId>\\s*<version>([^<]+)</version>");
        String micrometer = first(pom, "<micrometer.version>([^<]+)</micrometer.version>");
        assertThat(xml.getFirst().replaceAll("<!--.*?-->", "").replaceAll("\\s+", ""))
                .contains("<groupId>dev.sagaflow</groupId><artifactId>sagaflow-micrometer</artifactId><version>" + version + "</version>")
                .contains("<groupId>io.micrometer</groupId><artifactId>micrometer-registry-prometheus</artifactId><version>"
                        + micrometer + "</version>");
    }

    private static String scrape(HttpClient http, int port) throws IOException, InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (ConnectException e) {
            return "";
        }
    }

    private static String report(Path work) throws IOException {
        return "stdout:\n" + Files.readString(work.resolve("stdout.txt")) + "\nstderr:\n" + Files.readString(work.resolve("stderr.txt"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in the root pom.xml", regex).isTrue();
        return m.group(1);
    }

    static String section(String readme) {
        return ReadmeExamples.section(readme, SECTION);
    }
}
