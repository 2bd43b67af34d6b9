package dev.sagaflow.opentelemetry;

import dev.sagaflow.jdbc.testing.ReadmeExamples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's section "Tracing with OpenTelemetry" as a user takes it: its {@code java} block is cut
 * out of README.md as it stands, compiled against this module's test classpath (which holds what the
 * section's set-up brings: sagaflow-opentelemetry, the SDK, the logging exporter, the JDBC transport
 * and store) and run in a JVM of its own in an empty folder; the spans it prints share one trace.
 */
class ReadmeTracingExampleTest {
    static final String SECTION = "## Tracing with OpenTelemetry";
    /** How {@code LoggingSpanExporter} prints a span: {@code 'name' : traceId spanId KIND …}. */
    private static final Pattern SPAN = Pattern.compile("'([^']+)' : ([0-9a-f]{32}) ([0-9a-f]{16}) (\\w+)");

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleCompilesAndPrintsItsSpansInOneTrace() throws Exception {
        List<String> blocks = ReadmeExamples.blocks(ReadmeExamples.section(Files.readString(ReadmeExamples.readme()), SECTION), "java");
        assertThat(blocks).as("```java blocks in '%s'", SECTION).hasSize(1);
        Matcher declared = Pattern.compile("^public class (\\w+)", Pattern.MULTILINE).matcher(blocks.getFirst());
        assertThat(declared.find()).as("a public class in the example").isTrue();

        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(ReadmeExamples.compile(declared.group(1), blocks.getFirst(), classes))
                .as("the README's example compiles as it stands").isEmpty();

        Path work = Files.createDirectories(dir.resolve("work"));
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"),
                declared.group(1))
                .directory(work.toFile()).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        boolean exited = run.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            run.destroyForcibly().waitFor();
        }
        String out = Files.readString(dir.resolve("out.txt"));
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(exited && run.exitValue() == 0).as("ended by itself with status 0\nstdout:\n%s\nstderr:\n%s", out, err).isTrue();
        assertThat(out).contains("pay-1: COMPLETED");

        Map<String, String> traceOf = SPAN.matcher(err).results()
                .collect(Collectors.toMap(m -> m.group(1), m -> m.group(2), (a, b) -> a));
        assertThat(traceOf).as("spans printed:\n%s", err)
                .containsKeys("checkout", "saga payment step charge", "process Charge", "write the ledger");
        assertThat(List.of("saga payment step charge", "process Charge", "write the ledger"))
                .allSatisfy(name -> assertThat(traceOf.get(name)).as("%s in the trace of checkout", name)
                        .isEqualTo(traceOf.get("checkout")));
    }
}
