package dev.sagaflow.participant;

import dev.sagaflow.memory.InMemoryTransport;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;
import dev.sagaflow.messaging.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A remote step's compensation can overtake its command (the engine gave up waiting for the reply,
 * the broker reordered, the command sat in a partition that lagged): the participant library records
 * a tombstone for the step's idempotency key, and the command that comes after it has no effect. Run
 * on every database the library supports.
 *
 * <p>The handlers here are deliberately not idempotent by themselves: each writes one ledger row per
 * run, so the ledger shows exactly how often each ran.
 */
abstract class CompensationTombstoneContract {
    public record Reserve(String sku, int qty) {
    }

    /** A SQLite path or a PostgreSQL JDBC URL for the participant's database, new for each test. */
    protected abstract String database();

    /** Called after every participant of the test is closed: drop the database here. */
    protected void dropDatabase() {
    }

    private final List<AutoCloseable> open = new ArrayList<>();
    private InMemoryTransport transport;
    /** Replies by the id of the command they answer. */
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final AtomicInteger releaseFailuresToThrow = new AtomicInteger();

    @BeforeEach
    void openTransport() {
        transport = new InMemoryTransport();
        open.add(transport);
        transport.subscribe("replies", "engine", m -> replies.put(m.header(MessageHeaders.IN_REPLY_TO).orElseThrow(), Reply.of(m)));
    }

    @AfterEach
    void closeAll() throws Exception {
        try {
            for (AutoCloseable c : open.reversed()) {
                c.close();
            }
        } finally {
            dropDatabase();
        }
    }

    private Participant warehouse() {
        Participant p = Participant.builder("warehouse", database(), transport)
                .handle("warehouse.commands", "Reserve", Reserve.class, (command, ctx) -> {
                    if (command.qty() > 100) {
                        throw new CommandRejectedException("out of stock");
                    }
                    write(ctx, "reserve");
                    return Reply.success(null);
                })
                .handleCompensation("warehouse.commands", "Release", Reserve.class, "Reserve", (command, ctx) -> {
                    write(ctx, "release");
                    if (releaseFailuresToThrow.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new IllegalStateException("ledger busy");
                    }
                    return Reply.success(null);
                })
                .build();
        open.add(p);
        p.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS ledger (idem_key VARCHAR(200) NOT NULL, kind VARCHAR(20) NOT NULL, "
                        + "seq BIGINT NOT NULL)");
            }
            return null;
        });
        return p.start();
    }

    /** The order in which handlers ran, across threads. */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private static void write(CommandContext ctx, String kind) throws SQLException {
        try (PreparedStatement insert = ctx.connection().prepareStatement("INSERT INTO ledger VALUES (?, ?, ?)")) {
            insert.setString(1, ctx.idempotencyKey());
            insert.setString(2, kind);
            insert.setLong(3, SEQUENCE.incrementAndGet());
            insert.executeUpdate();
        }
    }

    /** How often the handler of {@code kind} took effect for {@code key}. */
    private static int runs(Participant p, String key, String kind) {
        return ranAt(p, key, kind).size();
    }

    /** When (in {@link #SEQUENCE}) the handler of {@code kind} took effect for {@code key}, each time it did. */
    private static List<Long> ranAt(Participant p, String key, String kind) {
        return p.inTransaction(c -> {
            try (PreparedStatement read = c.prepareStatement("SELECT seq FROM ledger WHERE idem_key = ? AND kind = ?")) {
                read.setString(1, key);
                read.setString(2, kind);
                List<Long> seqs = new ArrayList<>();
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        seqs.add(rs.getLong(1));
                    }
                }
                return seqs;
            }
        });
    }

    /** A command as the engine sends it: a new message id each time, the step's idempotency key on every one. */
    private static Message command(String type, String key) {
        return command(type, key, 1);
    }

    private static Message command(String type, String key, int qty) {
        String sagaId = key.substring(0, key.indexOf('/'));
        return new Message(Message.newId(), "warehouse.commands", type, sagaId, "order-" + sagaId,
                Map.of(MessageHeaders.REPLY_TO, "replies", MessageHeaders.IDEMPOTENCY_KEY, key),
                "{\"sku\":\"A\",\"qty\":" + qty + "}");
    }

    private Reply replyTo(Message command) {
        await().atMost(Duration.ofSeconds(20)).until(() -> replies.containsKey(command.id()));
        return replies.get(command.id());
    }

    private static Optional<String> recordedState(Participant p, String key) {
        return p.inTransaction(c -> {
            try (PreparedStatement read = c.prepareStatement(
                    "SELECT state FROM participant_step WHERE consumer = 'warehouse' AND idempotency_key = ?")) {
                read.setString(1, key);
                try (ResultSet rs = read.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Test
    void aCompensationThatOvertakesItsCommandLeavesATombstoneAndTheLateCommandHasNoEffect() throws Exception {
        Participant warehouse = warehouse();
        Message release = command("Release", "s1/reserve");
        Message reserve = command("Reserve", "s1/reserve");

        warehouse.receive(release);
        assertThat(replyTo(release).succeeded()).as("nothing was done, so nothing is left to undo").isTrue();
        assertThat(runs(warehouse, "s1/reserve", "release")).as("the compensation handler has nothing to undo").isZero();
        assertThat(recordedState(warehouse, "s1/reserve")).contains("tombstone");

        warehouse.receive(reserve);
        assertThat(runs(warehouse, "s1/reserve", "reserve")).as("the late command has no effect").isZero();
        Reply late = replyTo(reserve);
        assertThat(late.outcome()).as("a late command is answered, as not applied").isEqualTo(Reply.Outcome.FAILURE);
        assertThat(late.failure()).contains("compensated before it arrived");
        assertThat(warehouse.overtaken()).isEqualTo(1);
        assertThat(warehouse.duplicates()).as("it was no redelivery of a message").isZero();
    }

    @Test
    void inTheUsualOrderTheCommandTakesEffectAndItsCompensationUndoesItOnce() throws Exception {
        Participant warehouse = warehouse();
        Message reserve = command("Reserve", "s2/reserve");
        Message release = command("Release", "s2/reserve");

        warehouse.receive(reserve);
        assertThat(replyTo(reserve).succeeded()).isTrue();
        assertThat(recordedState(warehouse, "s2/reserve")).contains("applied");
        warehouse.receive(release);
        assertThat(replyTo(release).succeeded()).isTrue();

        assertThat(runs(warehouse, "s2/reserve", "reserve")).isEqualTo(1);
        assertThat(runs(warehouse, "s2/reserve", "release")).isEqualTo(1);
        assertThat(recordedState(warehouse, "s2/reserve")).contains("compensated");
        assertThat(warehouse.overtaken()).isZero();
    }

    @Test
    void redeliveriesAndResendsOfEitherAreAbsorbedInBothOrders() throws Exception {
        Participant warehouse = warehouse();
        // Usual order, each message delivered twice, then the engine resends the compensation
        // (a new message id: its reply was late) and a stray resend of the command comes last.
        Message reserve = command("Reserve", "s3/reserve");
        Message release = command("Release", "s3/reserve");
        warehouse.receive(reserve);
        warehouse.receive(reserve);
        warehouse.receive(release);
        warehouse.receive(release);
        Message releaseAgain = command("Release", "s3/reserve");
        warehouse.receive(releaseAgain);
        Message reserveAgain = command("Reserve", "s3/reserve");
        warehouse.receive(reserveAgain);
        assertThat(runs(warehouse, "s3/reserve", "reserve")).isEqualTo(1);
        assertThat(runs(warehouse, "s3/reserve", "release")).isEqualTo(1);
        assertThat(replyTo(releaseAgain).succeeded()).as("compensated already: done").isTrue();
        assertThat(replyTo(reserveAgain).succeeded()).as("the step is compensated: not applied again").isFalse();

        // Overtaken, each delivered twice and resent.
        Message release4 = command("Release", "s4/reserve");
        Message reserve4 = command("Reserve", "s4/reserve");
        warehouse.receive(release4);
        warehouse.receive(release4);
        warehouse.receive(command("Release", "s4/reserve"));
        warehouse.receive(reserve4);
        warehouse.receive(reserve4);
        warehouse.receive(command("Reserve", "s4/reserve"));
        assertThat(runs(warehouse, "s4/reserve", "reserve")).isZero();
        assertThat(runs(warehouse, "s4/reserve", "release")).isZero();
        assertThat(recordedState(warehouse, "s4/reserve")).contains("tombstone");

        assertThat(warehouse.duplicates()).as("one redelivery of each of four messages").isEqualTo(4);
        assertThat(warehouse.overtaken()).as("the command resent after s3's compensation, and both s4 commands")
                .isEqualTo(3);
    }

    @Test
    void aTombstoneOutlivesTheParticipantProcess() throws Exception {
        Participant first = warehouse();
        first.receive(command("Release", "s5/reserve"));
        first.close();
        open.remove(first);

        Participant restarted = warehouse();
        Message late = command("Reserve", "s5/reserve");
        restarted.receive(late);
        assertThat(replyTo(late).succeeded()).isFalse();
        assertThat(runs(restarted, "s5/reserve", "reserve")).isZero();
    }

    @Test
    void aRefusedCommandLeftNothingToUndoAndIsFencedLikeAnUnseenOne() throws Exception {
        Participant warehouse = warehouse();
        Message refused = command("Reserve", "s6/reserve", 500);
        warehouse.receive(refused);
        assertThat(replyTo(refused).outcome()).isEqualTo(Reply.Outcome.FAILURE);
        assertThat(recordedState(warehouse, "s6/reserve")).as("a refusal rolls the record back with the handler's writes")
                .isEmpty();

        warehouse.receive(command("Release", "s6/reserve"));
        Message retried = command("Reserve", "s6/reserve");
        warehouse.receive(retried);
        assertThat(runs(warehouse, "s6/reserve", "release")).isZero();
        assertThat(runs(warehouse, "s6/reserve", "reserve")).isZero();
        assertThat(replyTo(retried).succeeded()).isFalse();
    }

    @Test
    void aCompensationWhoseHandlerFailsIsRunAgainOnTheNextSendAndStillFencesLateCommands() throws Exception {
        Participant warehouse = warehouse();
        warehouse.receive(command("Reserve", "s7/reserve"));
        releaseFailuresToThrow.set(1);
        Message failing = command("Release", "s7/reserve");
        warehouse.receive(failing);
        assertThat(replyTo(failing).outcome()).isEqualTo(Reply.Outcome.RETRYABLE_FAILURE);
        assertThat(runs(warehouse, "s7/reserve", "release")).as("the failed run's write was rolled back").isZero();
        assertThat(recordedState(warehouse, "s7/reserve")).contains("applied");

        Message again = command("Release", "s7/reserve");
        warehouse.receive(again);
        assertThat(replyTo(again).succeeded()).isTrue();
        assertThat(runs(warehouse, "s7/reserve", "release")).isEqualTo(1);
        warehouse.receive(command("Reserve", "s7/reserve"));
        assertThat(runs(warehouse, "s7/reserve", "reserve")).isEqualTo(1);
    }

    /** A key longer than the column, or with a character the database cannot store, is kept by its hash. */
    @Test
    void aTombstoneIsRecordedForAKeyTheColumnCouldNotHoldAsItIs() throws Exception {
        Participant warehouse = warehouse();
        for (String key : List.of("s8/" + "x".repeat(400), "s9/re\u0000serve")) {
            Message release = command("Release", key);
            warehouse.receive(release);
            assertThat(replyTo(release).succeeded()).isTrue();
            Message late = command("Reserve", key);
            warehouse.receive(late);
            assertThat(replyTo(late).succeeded()).as("key of %d characters", key.length()).isFalse();
        }
        assertThat(warehouse.overtaken()).isEqualTo(2);
        assertThat(recordedState(warehouse, Participant.storedKey("s8/" + "x".repeat(400)))).contains("tombstone");
    }

    /**
     * A command and its compensation delivered at the same instant on two consumer threads: whichever
     * commits first decides, and the step ends applied and undone, or neither, never half.
     */
    @Test
    void aCommandAndItsCompensationAtOnceEndBothAppliedOrNeither() throws Exception {
        Participant warehouse = warehouse();
        int keys = 40;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < keys; i++) {
                String key = "race" + i + "/reserve";
                CyclicBarrier together = new CyclicBarrier(2);
                Message reserve = command("Reserve", key);
                Message release = command("Release", key);
                Future<?> a = threads.submit(() -> {
                    together.await();
                    warehouse.receive(reserve);
                    return null;
                });
                Future<?> b = threads.submit(() -> {
                    together.await();
                    warehouse.receive(release);
                    return null;
                });
                a.get();
                b.get();
            }
        } finally {
            threads.shutdownNow();
        }
        int both = 0;
        int neither = 0;
        for (int i = 0; i < keys; i++) {
            String key = "race" + i + "/reserve";
            int reserved = runs(warehouse, key, "reserve");
            int released = runs(warehouse, key, "release");
            assertThat(released).as("key %s: reserve ran %d times, release %d", key, reserved, released).isEqualTo(reserved);
            if (reserved == 1) {
                assertThat(ranAt(warehouse, key, "release").getFirst()).as("key %s: the undo ran after the command", key)
                        .isGreaterThan(ranAt(warehouse, key, "reserve").getFirst());
                both++;
            } else {
                assertThat(reserved).isZero();
                neither++;
            }
        }
        assertThat(both + neither).isEqualTo(keys);
        assertThat(warehouse.overtaken()).isEqualTo(neither);
    }

    @Test
    void aCompensationMustUndoACommandTheParticipantHandles() {
        Participant.Builder builder = Participant.builder("warehouse", database(), transport)
                .handleCompensation("warehouse.commands", "Release", Reserve.class, "Reserve", (c, ctx) -> Reply.success(null));
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Release").hasMessageContaining("Reserve");
    }
}
