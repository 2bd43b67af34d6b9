package dev.sagaflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A new user's first commands: help that reads cleanly, and a mistake answered in a line or two, not a page. */
class HelpAndUsageTest {
    @TempDir
    Path dir;

    static Stream<String> commands() {
        return new CommandLine(new SagaflowCli()).getSubcommands().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandsHelpPrintsNoWarnings(String command) {
        CliRun help = CliRun.of(command, "--help");
        CliRun viaHelp = CliRun.of("help", command);

        for (CliRun run : new CliRun[] {help, viaHelp}) {
            assertThat(run.status()).as(run.all()).isZero();
            assertThat(run.out()).as(run.all()).contains("Usage: sagaflow " + command);
            assertThat(run.err()).as(run.all()).isEmpty();
            assertThat(run.out()).doesNotContain("WARN");
        }
    }

    @Test
    void theApprovalDemosHelpNamesItsOptions() {
        for (CliRun run : new CliRun[] {CliRun.of("demo", "approval", "--help"), CliRun.of("demo", "help", "approval")}) {
            if (run.status() != 0 && run.out().isEmpty()) {
                continue; // `demo help` is not a command: `demo approval --help` is the one that counts
            }
            assertThat(run.status()).as(run.all()).isZero();
            assertThat(run.out()).as(run.all()).contains("Usage: sagaflow demo approval").contains("--requests")
                    .contains("--manager-timeout").contains("--director-timeout").contains("--seed").contains("--store");
            assertThat(run.err()).as(run.all()).isEmpty();
        }
        CliRun demo = CliRun.of("demo", "--help");
        assertThat(demo.out()).as(demo.all()).contains("approval");
    }

    @Test
    void theHarnessDemosHelpNamesItsOptionsAndItsLastLine() {
        CliRun run = CliRun.of("demo", "harness", "--help");
        assertThat(run.status()).as(run.all()).isZero();
        assertThat(run.out()).as(run.all()).contains("Usage: sagaflow demo harness").contains("--tasks")
                .contains("--threshold").contains("--seed").contains("--verbose").contains("\"best_of_3\"");
        assertThat(run.err()).as(run.all()).isEmpty();
        CliRun demo = CliRun.of("demo", "--help");
        assertThat(demo.out()).as(demo.all()).contains("demo harness --dir DIR");
    }

    @ParameterizedTest
    @MethodSource("sagaCommands")
    void everySagaSubcommandsHelpPrintsNoWarnings(String command) {
        CliRun help = CliRun.of("saga", command, "--help");

        assertThat(help.status()).as(help.all()).isZero();
        assertThat(help.out()).as(help.all()).contains("Usage: sagaflow saga " + command).contains("--store");
        assertThat(help.err()).as(help.all()).isEmpty();
    }

    static Stream<String> sagaCommands() {
        return new CommandLine(new SagaflowCli()).getSubcommands().get("saga").getSubcommands().keySet().stream();
    }

    @Test
    void theTopLevelHelpPrintsNoWarnings() {
        CliRun run = CliRun.of("--help");

        assertThat(run.status()).as(run.all()).isZero();
        assertThat(run.err()).as(run.all()).isEmpty();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("demo", new String[] {"demo", "--dir", "DIR", "--bogus"}, "--bogus"),
                Arguments.of("demo", new String[] {"demo", "--orders", "5"}, "--dir"),
                Arguments.of("demo", new String[] {"demo", "--dir", "DIR", "--orders", "0"}, "--orders"),
                Arguments.of("demo", new String[] {"demo", "--dir", "DIR", "--orders", "many"}, "--orders"),
                Arguments.of("demo", new String[] {"demo", "--dir", "DIR", "--transport", "pigeon"}, "--transport"),
                Arguments.of("demo", new String[] {"demo", "--dir", "DIR", "--external-participants"}, "--external-participants"),
                Arguments.of("bench", new String[] {"bench", "--store", "oracle"}, "--store"),
                Arguments.of("bench", new String[] {"bench", "--sagas", "0"}, "--sagas"),
                Arguments.of("bench", new String[] {"bench", "--workload", "fanout"}, "one of reference, waiting, fan-out, eternal"),
                Arguments.of("bench", new String[] {"bench", "--workload", "fan-out", "--branches", "0"}, "--branches"),
                Arguments.of("bench", new String[] {"bench", "--workload", "eternal", "--iterations", "0"}, "--iterations"),
                Arguments.of("bench", new String[] {"bench", "--workload", "eternal", "--keep-runs", "0"}, "--keep-runs"),
                Arguments.of("node", new String[] {"node", "--dir", "DIR"}, "--store"),
                Arguments.of("participant", new String[] {"participant", "--service", "billing", "--dir", "DIR"}, "--service"),
                Arguments.of("participant", new String[] {"participant", "--service", "inventory", "--dir", "DIR",
                        "--step-delay-ms", "-1"}, "--step-delay-ms"),
                Arguments.of("demo approval", new String[] {"demo", "approval", "--requests", "5"}, "--dir"),
                Arguments.of("demo approval", new String[] {"demo", "approval", "--dir", "DIR", "--requests", "0"}, "--requests"),
                Arguments.of("demo approval", new String[] {"demo", "approval", "--dir", "DIR", "--manager-timeout", "soon"},
                        "--manager-timeout"),
                Arguments.of("demo approval", new String[] {"demo", "approval", "--dir", "DIR", "--director-timeout", "0s"},
                        "--director-timeout"),
                Arguments.of("demo harness", new String[] {"demo", "harness", "--tasks", "5"}, "--dir"),
                Arguments.of("demo harness", new String[] {"demo", "harness", "--dir", "DIR", "--tasks", "0"}, "--tasks"),
                Arguments.of("demo harness", new String[] {"demo", "harness", "--dir", "DIR", "--threshold", "1.5"}, "--threshold"),
                Arguments.of("demo harness", new String[] {"demo", "harness", "--dir", "DIR", "--threshold", "high"}, "--threshold"),
                Arguments.of("signal", new String[] {"signal", "--store", "DIR", "--name", "n", "--payload", "{}"}, "--saga"),
                Arguments.of("signal", new String[] {"signal", "--store", "DIR", "--key", "nocolon", "--name", "n",
                        "--payload", "{}"}, "--key"),
                Arguments.of("signal", new String[] {"signal", "--store", "DIR", "--saga", "s", "--key", "a:b", "--name", "n",
                        "--payload", "{}"}, "--saga"),
                Arguments.of("signal", new String[] {"signal", "--store", "DIR", "--saga", "s", "--name", "n",
                        "--payload", "{}"}, "does not exist"),
                Arguments.of("saga list", new String[] {"saga", "list", "--store", "DIR", "--state", "WAITING,STUCK"},
                        "unknown state 'STUCK'; the states are STARTED, RUNNING, WAITING"),
                Arguments.of("saga list", new String[] {"saga", "list", "--store", "DIR", "--since", "yesterday"},
                        "--since"),
                Arguments.of("saga list", new String[] {"saga", "list", "--store", "DIR", "--limit", "5000"}, "--limit"),
                Arguments.of("saga list", new String[] {"saga", "list"}, "--store"),
                Arguments.of("saga count", new String[] {"saga", "count", "--store", "DIR"}, "does not exist"),
                Arguments.of("saga show", new String[] {"saga", "show", "--store", "DIR"}, "ID"),
                Arguments.of("saga retry", new String[] {"saga", "retry", "--store", "DIR"}, "give the saga's ID, or filters"),
                Arguments.of("saga retry", new String[] {"saga", "retry", "--store", "DIR", "some-id", "--flagged"},
                        "not both"),
                Arguments.of("saga resolve", new String[] {"saga", "resolve", "--store", "DIR", "some-id", "--as", "cancelled"},
                        "--as"),
                Arguments.of("saga signal", new String[] {"saga", "signal", "--store", "DIR", "--name", "n", "--payload", "{}"},
                        "--saga"),
                Arguments.of("", new String[] {"nosuch"}, "nosuch"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mistakes")
    void aMistakeGetsTheErrorAndWhereToLookNotThePage(String command, String[] args, String named) {
        Path folder = dir.resolve("run");
        String[] withDir = Stream.of(args).map(a -> a.equals("DIR") ? folder.toString() : a).toArray(String[]::new);

        CliRun run = CliRun.of(withDir);

        String see = "see `sagaflow " + (command.isEmpty() ? "" : command + " ") + "--help`";
        assertThat(run.status()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).as(run.all()).contains(named).contains(see)
                .doesNotContain("Usage:").doesNotContain("Exception").doesNotContain("WARN");
        assertThat(run.err().lines().count()).as(run.all()).isLessThanOrEqualTo(3);
        assertThat(run.out()).as(run.all()).isEmpty();
        assertThat(folder).as("nothing is created for a command that is refused").doesNotExist();
    }
}
