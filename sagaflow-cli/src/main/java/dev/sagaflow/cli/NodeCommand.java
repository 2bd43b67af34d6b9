package dev.sagaflow.cli;

import dev.sagaflow.SagaEngine;
import dev.sagaflow.examples.orders.Faults;
import dev.sagaflow.examples.orders.OrderFulfilmentDemo;
import dev.sagaflow.examples.orders.OrderFulfilmentSaga;
import dev.sagaflow.examples.orders.Participants;
import dev.sagaflow.jdbc.SagaStores;
import dev.sagaflow.schedule.Schedule;
import dev.sagaflow.spi.SagaStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Runs one engine node hosting the order-fulfilment saga until SIGTERM or Ctrl-C, which stop it "
                + "gracefully: calls under way finish and the node hands its instances back to the others.",
                "Several nodes share one PostgreSQL store; the participants' ledgers are under DIR, shared by the "
                        + "nodes of this machine. Start the orders with `demo --submit-only`, check them with `demo --verify`."})
final class NodeCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "URL",
            description = "jdbc:postgresql://HOST:PORT/DB?user=U (several nodes), or a SQLite file (one node).")
    String store;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder of the participants' ledgers.")
    Path dir;

    @Option(names = "--node-id", paramLabel = "ID", description = "This node's name in leases and logs (default: host-pid).")
    String nodeId;

    @Option(names = "--lease", defaultValue = "5s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a claim lasts unless renewed: a dead node's instances move after this (default: ${DEFAULT-VALUE}).")
    Duration lease;

    @Option(names = "--poll", defaultValue = "1s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Longest sleep between looks for due work; NOTIFY wakes the node sooner (default: ${DEFAULT-VALUE}).")
    Duration poll;

    @Option(names = "--step-delay-ms", defaultValue = "0", paramLabel = "MS",
            description = "Time each participant call takes (default: ${DEFAULT-VALUE}).")
    int stepDelayMs;

    @Mixin
    MetricsOption metrics = new MetricsOption();

    @Option(names = "--operator-paced",
            description = "For a run with stalled work (`demo --submit-only --stall-compensations N`): a compensation "
                    + "that keeps failing stalls after 3 attempts and is retried only every 90 s, then hourly, so an "
                    + "operator's `saga retry` is what finishes it.")
    boolean operatorPaced;

    @Option(names = "--schedule", paramLabel = "DEMO",
            description = "Also runs a demo schedule. every-second: starts the saga 'tick' (one local step) at every "
                    + "second, once per second whichever nodes share the store (idempotency key "
                    + "schedule:every-second:<tick>; missed ticks are skipped).")
    String schedule;

    @Override
    public Integer call() throws Exception {
        metrics.check();
        Schedule demoSchedule = schedule == null ? null : DemoSchedule.named(schedule);
        if (stepDelayMs < 0) {
            throw new IllegalArgumentException("--step-delay-ms must not be negative; was " + stepDelayMs);
        }
        SagaStores.check(store); // before the ledgers' folder is made
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        // The store first: one that cannot be reached ends the command before the ledgers are made.
        SagaStore sagaStore = SagaStores.open(store);
        Participants participants;
        try {
            participants = Participants.open(dir, Faults.transientAt(OrderFulfilmentDemo.TRANSIENT_FAULT_RATE),
                    Duration.ofMillis(stepDelayMs));
        } catch (RuntimeException e) {
            sagaStore.close();
            throw e;
        }
        SagaEngine.Builder builder = SagaEngine.builder(sagaStore)
                .register(operatorPaced ? OrderFulfilmentSaga.operatorPaced(participants)
                        : OrderFulfilmentSaga.definition(participants))
                .leaseDuration(lease)
                .pollInterval(poll);
        if (demoSchedule != null) {
            builder.register(DemoSchedule.saga()).schedule(demoSchedule);
        }
        if (nodeId != null) {
            builder.nodeId(nodeId);
        }
        MetricsEndpoint served = metrics.open(System.err);
        SagaEngine engine;
        try {
            engine = served.build(builder);
        } catch (RuntimeException e) {
            served.close();
            throw e;
        }
        Thread stopper = new Thread(() -> {
            stopping.set(true);
            System.err.println("node stopping: finishing calls under way and handing instances back");
            engine.close();
            served.close();
            sagaStore.close();
            participants.close();
            stopped.countDown();
        }, "sagaflow-node-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        System.err.println("node " + (nodeId != null ? nodeId : "") + " running on " + store.replaceAll("(?i)(password=)[^&]*", "$1***"));
        NodeStatusLine status = new NodeStatusLine();
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            if (!stopping.get()) {
                status.next(engine.health(), Instant.now()).ifPresent(System.err::println);
            }
        }
        return 0;
    }
}
