package dev.sagaflow.bench.jmh;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.SqliteSagaStore;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.StoreWrite;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One durable commit of a batch of version-guarded updates on SQLite (WAL, synchronous=FULL): how
 * the cost of a commit is shared as the batch grows, which is what group commit buys.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SqliteCommitBenchmark {
    @Param({"1", "32", "256"})
    public int batch;

    private Path dir;
    private SqliteSagaStore store;
    private List<SagaRecord> rows;
    private int seq;

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory("sagaflow-jmh");
        store = SqliteSagaStore.open(dir.resolve("bench.db"));
        rows = new ArrayList<>();
        List<StoreWrite> inserts = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            SagaRecord r = SagaRecord.newInstance("id-" + i, "order", 1, "k-" + i, null,
                            "{\"id\":\"order-" + i + "\",\"sku\":\"SKU-1\",\"quantity\":2}", 0, null)
                    .toBuilder().state(SagaState.RUNNING).wakeAt(0L).build()
                    .stamped(new SagaRecord.Fence(1, "w", 0), SagaRecord.Lease.NONE, 0);
            rows.add(r);
            inserts.add(new StoreWrite.Insert(r, List.of()));
        }
        store.write(inserts);
    }

    @Benchmark
    public int commitBatch() {
        seq++;
        List<StoreWrite> updates = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            SagaRecord r = rows.get(i);
            SagaRecord next = r.toBuilder().historySize(seq).attemptsMade(seq % 7).build()
                    .stamped(new SagaRecord.Fence(r.version() + 1, "w" + seq, seq), r.lease(), 0);
            updates.add(new StoreWrite.Update(next, r.version(), List.of(new HistoryEvent(seq, Instant.EPOCH,
                    HistoryEventType.STEP_SUCCEEDED, "step", 1, Duration.ZERO, null))));
            rows.set(i, next);
        }
        return store.write(updates).size();
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        store.close();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
