package dev.sagaflow.jdbc;

import static dev.sagaflow.jdbc.testing.ReadmeExamples.blocks;
import static dev.sagaflow.jdbc.testing.ReadmeExamples.readme;
import dev.sagaflow.jdbc.testing.ReadmeExamples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The README's section "A saga in Java" as a new user takes it: its {@code java} block is cut out of
 * README.md as it stands, saved under its class's name, compiled against this module's test classpath
 * (sagaflow-jdbc, sagaflow-core and slf4j-simple, what the section's Maven snippet brings) and run in a
 * JVM of its own, in an empty working directory, twice. Nothing here copies the example: change the
 * README and this test runs the change.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReadmeExampleTest {
    static final String SECTION = "## A saga in Java";
    static final String WAITING_SECTION = "## A saga that waits";
    static final String WATCHING_SECTION = "## Watching sagas: events, interceptors, outcome events";
    static final String BRANCHES_SECTION = "## Branches, sub-sagas and sagas that run forever";
    static final String HARNESS_SECTION = "## A saga around an unreliable worker";
    static final String SCHEDULES_SECTION = "## Cron schedules";

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleCompilesAndRunsItsSagasToTheirEnd() throws Exception {
        Example example = Example.from(Files.readString(readme()));
        Path classes = dir.resolve("classes");
        assertThat(compile(example, classes)).as("the README's example compiles as it stands").isEmpty();

        Path work = Files.createDirectories(dir.resolve("work"));
        List<String> first = run(example, classes, work);
        assertThat(first).contains("order-42: COMPLETED", "reservations held: 1, charges held: 1");
        assertThat(first).anySatisfy(line -> assertThat(line).startsWith("order-43: FAILED (").contains("card declined"));
        assertThat(work.resolve("sagas.db")).as("the store is the file the README names").exists();

        List<String> again = run(example, classes, work);
        assertThat(again).as("run again: the same instances, already ended, and no step runs again")
                .contains("order-42: COMPLETED", "reservations held: 0, charges held: 0")
                .doesNotContain("shipping 2 x SKU-1");
        assertThat(again).anySatisfy(line -> assertThat(line).startsWith("order-43: FAILED ("));
    }

    @Test
    void theWaitingExampleCompilesAndEachRequestEndsAsItsSignalsSay() throws Exception {
        Runs runs = compiled(WAITING_SECTION);
        List<String> first = runs.next();
        assertThat(first).contains("pr-1: COMPLETED", "pr-2: COMPLETED",
                "pr-3: FAILED (signal 'director-decision' not received in time at step 'director-approval')",
                "budget released for pr-3", "order placed for pr-1", "order placed for pr-2");
        assertThat(first).filteredOn(line -> line.startsWith("order placed")).hasSize(2);

        List<String> again = runs.next();
        assertThat(again).as("run again: the same instances, ended, and nothing runs again")
                .contains("pr-1: COMPLETED", "pr-2: COMPLETED")
                .noneMatch(line -> line.startsWith("order placed") || line.startsWith("budget"));
    }

    @Test
    void theWatchingExampleHearsEachEndOnceAndKeepsTheFailuresTrace() throws Exception {
        Runs runs = compiled(WATCHING_SECTION);
        List<String> first = runs.next();
        assertThat(first).contains("order service: order-7 is COMPLETED", "order service: order-8 is FAILED",
                "step failed: charge (java.lang.IllegalStateException: card declined), retrying",
                "step failed: charge (java.lang.IllegalStateException: card declined)", "released order-8");
        assertThat(first).anySatisfy(line -> assertThat(line).startsWith("charge #2 took "));
        assertThat(first).anySatisfy(line -> assertThat(line)
                .startsWith("kept: [java.lang.IllegalStateException: card declined, \tat WatchedOrders"));
        assertThat(first).anySatisfy(line -> assertThat(line).startsWith("health: store reachable, leases held 0, due work 0"));

        List<String> again = runs.next();
        assertThat(again).as("run again: both ended, no event sent twice, no step run again")
                .noneMatch(line -> line.startsWith("order service:") || line.startsWith("step failed") || line.contains(" took "));
    }

    @Test
    void theBranchesExampleJoinsUndoesAFailedJoinsBranchesAndKeepsABoundedHistory() throws Exception {
        Runs runs = compiled(BRANCHES_SECTION);
        List<String> first = runs.next();
        assertThat(first).contains("trip-1 booked: [flight, hotel], auth-trip-1", "trip-1: COMPLETED",
                "flight cancelled for trip-2",
                "trip-2: FAILED (step 'book' failed after 1 attempt: join all failed: 1 of 2 branches failed: 'hotel')",
                "poller: COMPLETED after 12 polls, 32 history entries kept");
        assertThat(first).noneMatch(line -> line.startsWith("hotel cancelled") || line.startsWith("payment voided"));

        List<String> again = runs.next();
        assertThat(again).as("run again: the same instances, ended, and nothing runs again")
                .contains("trip-1: COMPLETED", "poller: COMPLETED after 12 polls, 32 history entries kept")
                .noneMatch(line -> line.contains("booked:") || line.contains("cancelled for"));
    }

    @Test
    void theHarnessExampleRetriesAnInvalidOutputAndHandsALowScoreToItsFallback() throws Exception {
        Runs runs = compiled(HARNESS_SECTION);
        List<String> first = runs.next();
        assertThat(first).contains("t-1 answered by small-model: Restart the router.",
                "t-2 answered by support-desk: A person will call you back.",
                "  2 STEP_FAILED draft-answer #1: invalid output: empty answer {\"model\":\"small-model\",\"tokens\":412}");
        assertThat(first).anySatisfy(line -> assertThat(line).contains("FALLBACK_STARTED draft-answer: score 0.3 is below"));

        List<String> again = runs.next();
        assertThat(again).as("run again: nothing answered twice").noneMatch(line -> line.contains(" answered by "));
    }

    @Test
    void theScheduleExampleStartsOneSagaPerTick() throws Exception {
        Runs runs = compiled(SCHEDULES_SECTION);
        List<String> first = runs.next();
        List<String> keys = first.stream().filter(line -> line.startsWith("schedule:every-second-report:")).toList();
        assertThat(keys).as("about three ticks in 3.5 s, each started once").hasSizeBetween(2, 5).doesNotHaveDuplicates()
                .allSatisfy(line -> assertThat(line).endsWith(": COMPLETED"));
        assertThat(first.stream().filter(line -> line.startsWith("report for "))).hasSize(keys.size());

        List<String> again = runs.next();
        List<String> all = again.stream().filter(line -> line.startsWith("schedule:every-second-report:")).toList();
        assertThat(all).as("the first run's ticks, and those since, each once").doesNotHaveDuplicates().containsAll(keys);
        assertThat(again.stream().filter(line -> line.startsWith("report for "))).hasSize(all.size() - keys.size());
    }

    /** Successive runs of a section's example, compiled once, in one working directory. */
    @FunctionalInterface
    interface Runs {
        List<String> next() throws Exception;
    }

    private Runs compiled(String section) throws Exception {
        Example example = Example.from(Files.readString(readme()), section);
        Path classes = dir.resolve("classes");
        assertThat(compile(example, classes)).as("the README's example in '%s' compiles as it stands", section).isEmpty();
        Path work = Files.createDirectories(dir.resolve("work"));
        return () -> run(example, classes, work);
    }

    /** The section's Maven snippet names this build's artifact and version, and the SLF4J binding it is tested with. */
    @Test
    void theReadmeDependenciesAreThisBuildsCoordinates() throws IOException {
        String readme = Files.readString(readme());
        String pom = Files.readString(readme().resolveSibling("pom.xml"));
        List<String> xml = blocks(section(readme), "xml");
        assertThat(xml).as("```xml blocks in '%s'", SECTION).hasSize(1);
        String version = first(pom, "<artifactId>sagaflow-parent</artifactId>\\s*<version>([^<]+)</version>");
        String slf4j = first(pom, "<slf4j.version>([^<]+)</slf4j.version>");

        assertThat(xml.getFirst().replaceAll("<!--.*?-->", "").replaceAll("\\s+", ""))
                .contains("<groupId>dev.sagaflow</groupId><artifactId>sagaflow-jdbc</artifactId><version>" + version + "</version>")
                .contains("<groupId>org.slf4j</groupId><artifactId>slf4j-simple</artifactId><version>" + slf4j + "</version>")
                .contains("<maven.compiler.release>21</maven.compiler.release>");
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in the root pom.xml", regex).isTrue();
        return m.group(1);
    }

    /** The checks above can fail: a block that lost a line does not compile, and the compiler says why. */
    @Test
    void aBrokenExampleFailsToCompileWithTheCompilersMessage() throws Exception {
        Example example = Example.from(Files.readString(readme()));
        Example broken = new Example(example.className(),
                example.source().replace("import dev.sagaflow.SagaEngine;\n", ""));
        assertThat(broken.source()).isNotEqualTo(example.source());

        assertThat(compile(broken, dir.resolve("classes"))).anySatisfy(error -> assertThat(error).contains("SagaEngine"));
    }

    @Test
    void aReadmeWithoutTheExampleFailsLoudly() {
        assertThatThrownBy(() -> Example.from("# Sagaflow\n\n## What it does\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining(SECTION);
        assertThatThrownBy(() -> Example.from("# Sagaflow\n\n" + SECTION + "\n\nSome words, no code.\n\n## What it does\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("```java");
        assertThatThrownBy(() -> Example.from(SECTION + "\n```java\nclass A {}\n```\n```java\nclass B {}\n```\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("2");
        assertThatThrownBy(() -> Example.from(SECTION + "\n```java\nrecord A() {}\n```\n"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("public class");
    }

    /** The one {@code java} block of the README's section, and the class it declares. */
    record Example(String className, String source) {
        private static final Pattern CLASS = Pattern.compile("^public (?:final )?class (\\w+)", Pattern.MULTILINE);

        static Example from(String readme) {
            return from(readme, SECTION);
        }

        static Example from(String readme, String heading) {
            List<String> blocks = blocks(ReadmeExamples.section(readme, heading), "java");
            if (blocks.size() != 1) {
                throw new AssertionError("README.md's section '" + heading + "' must hold exactly one ```java block; it holds "
                        + blocks.size());
            }
            String source = blocks.getFirst();
            Matcher declared = CLASS.matcher(source);
            if (!declared.find()) {
                throw new AssertionError("the ```java block of '" + heading + "' declares no top-level public class:\n" + source);
            }
            return new Example(declared.group(1), source);
        }
    }

    /** The README's section {@link #SECTION}, up to the next one; an AssertionError when there is none. */
    static String section(String readme) {
        return ReadmeExamples.section(readme, SECTION);
    }

    /** Compiles the example as {@code ClassName.java} into {@code classes}; returns the compiler's errors (none: it compiled). */
    static List<String> compile(Example example, Path classes) throws IOException {
        return ReadmeExamples.compile(example.className(), example.source(), classes);
    }

    /** Runs the example's main in a JVM of its own in {@code work}; returns its standard output, once it exited 0. */
    static List<String> run(Example example, Path classes, Path work) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work.getParent(), "stdout", ".txt");
        Path err = Files.createTempFile(work.getParent(), "stderr", ".txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"), example.className())
                .directory(work.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        String report = "stdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err);
        assertThat(exited).as("the example ended by itself within 90 s; %s", report).isTrue();
        assertThat(process.exitValue()).as("exit status; %s", report).isZero();
        return Files.readAllLines(out);
    }
}
