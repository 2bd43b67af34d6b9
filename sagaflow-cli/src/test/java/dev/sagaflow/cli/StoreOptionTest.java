package dev.sagaflow.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every option that names a database ({@code --store}, and {@code --broker} of the JDBC transport),
 * on every command that takes one: a value that is neither a {@code jdbc:postgresql:} URL nor a
 * SQLite file is refused before anything is made on disk, and a SQLite file that is refused is left
 * as it was.
 */
class StoreOptionTest {
    private static final List<String> WRONG = List.of(
            "jbdc:postgresql://127.0.0.1:5432/orders?user=u&password=secret",
            "postgres://u:secret@127.0.0.1:5432/orders",
            "sqlite:sagas.db");

    @TempDir
    Path dir;

    private Path folder;

    @BeforeEach
    void folder() {
        folder = dir.resolve("run");
    }

    /** Each command with a database option, the option, and the rest of a command line that would run. */
    static Stream<Arguments> commandsAndValues() {
        List<Arguments> all = new ArrayList<>();
        for (String value : WRONG) {
            all.add(Arguments.of("demo", "--store", value, List.of("--orders", "3")));
            all.add(Arguments.of("demo", "--store", value, List.of("--orders", "3", "--participants", "remote")));
            all.add(Arguments.of("node", "--store", value, List.of()));
            all.add(Arguments.of("bench", "--store", value, List.of("--sagas", "10", "--remote")));
            all.add(Arguments.of("demo", "--broker", value, List.of("--orders", "3", "--participants", "remote")));
            all.add(Arguments.of("participant", "--broker", value, List.of("--service", "inventory")));
            all.add(Arguments.of("bench", "--broker", value, List.of("--sagas", "10", "--remote", "--store", "memory")));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("commandsAndValues")
    void aValueThatIsNeitherOfOurDatabasesIsRefusedAndNothingIsCreated(String command, String option, String value,
                                                                    List<String> rest) {
        List<String> args = new ArrayList<>(List.of(command, option, value, "--dir", folder.toString()));
        args.addAll(rest);
        String scheme = value.substring(0, value.indexOf(':') + 1);

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.status()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).as(run.all()).contains(option).contains(scheme).contains("jdbc:postgresql:")
                .contains("see `sagaflow " + command + " --help`")
                .doesNotContain("secret").doesNotContain("Exception").doesNotContain("Usage:");
        assertThat(run.out()).as(run.all()).isEmpty();
        assertThat(folder).as(run.all()).doesNotExist();
        assertThat(Path.of(scheme)).as("a folder named after the URL, in the working directory").doesNotExist();
    }

    @Test
    void aNodeWhoseStoreCannotBeReachedEndsInOneLineAndCreatesNothing() {
        CliRun run = CliRun.of("node", "--store", "jdbc:postgresql://127.0.0.1:1/orders?user=postgres",
                "--dir", folder.toString());

        assertThat(run.status()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).as(run.all()).contains("Cannot connect to PostgreSQL").doesNotContain("Exception");
        assertThat(run.err().lines().count()).as(run.all()).isEqualTo(1);
        assertThat(folder).as("the ledgers are not made for a node that cannot start").doesNotExist();
    }

    @Test
    void aRelativeFolderWithAColonIsStillAFolder() throws Exception {
        // Its files are passed on as paths; "run:2/sagas.db" must not be taken for a URL of scheme run:.
        ForkedCli demo = ForkedCli.startIn(dir, dir.resolve("demo.out"), "demo", "--dir", "run:2", "--orders", "3");

        assertThat(demo.process().waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(demo.process().exitValue()).as(demo.log()).isZero();
        assertThat(dir.resolve("run:2").resolve("sagas.db")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "node", "demo --participants remote"})
    void aSqliteStoreHoldingOtherTablesIsRefusedAndLeftAsItWas(String command) throws Exception {
        Path ledger = dir.resolve("ledger.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledger); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE payment (id TEXT PRIMARY KEY, amount INTEGER)");
            s.execute("INSERT INTO payment VALUES ('p-1', 42)");
        }
        byte[] before = Files.readAllBytes(ledger);
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--store", ledger.toString(), "--dir", folder.toString()));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.status()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).as(run.all()).contains(ledger.toString()).contains("payment")
                .doesNotContain("Exception").doesNotContain("Usage:");
        assertThat(Files.readAllBytes(ledger)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no folder, no -wal, -shm or .lock beside it").containsExactly(ledger);
        }
    }
}
