package dev.sagaflow.bench.jmh;

import dev.sagaflow.SagaState;
import dev.sagaflow.bench.ReferenceWorkload;
import dev.sagaflow.internal.Json;
import dev.sagaflow.internal.SagaStateMachine;
import dev.sagaflow.internal.Transition;
import dev.sagaflow.spi.SagaRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** The CPU cost of deciding one transition, and of the JSON round trip of a step's data. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StateMachineBenchmark {
    private SagaStateMachine machine;
    private SagaRecord running;
    private String data;

    @Setup
    public void setUp() {
        machine = new SagaStateMachine(ReferenceWorkload.definition(), () -> 0.5);
        data = Json.encode(ReferenceWorkload.order(42), "bench");
        running = SagaRecord.newInstance("id-1", ReferenceWorkload.NAME, 1, "order-42", "order-42", data, 0, null)
                .toBuilder().state(SagaState.RUNNING).step(1).toCompensate(List.of(0)).wakeAt(0L).historySize(3).build()
                .stamped(new SagaRecord.Fence(3, "w", 3), new SagaRecord.Lease("node", 1L), 0);
    }

    @Benchmark
    public Transition stepSucceeded() {
        return machine.stepSucceeded(running, 1, data, step -> true, 1, 1_000);
    }

    @Benchmark
    public String dataRoundTrip() {
        return Json.encode(Json.decode(data, ReferenceWorkload.Order.class, "bench"), "bench");
    }
}
