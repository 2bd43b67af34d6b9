package dev.sagaflow.cli;

import dev.sagaflow.examples.orders.Faults;
import dev.sagaflow.examples.orders.OrderFulfilmentDemo;
import dev.sagaflow.examples.orders.remote.OrderMessages;
import dev.sagaflow.examples.orders.remote.OrderServices;
import dev.sagaflow.messaging.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "participant", mixinStandardHelpOptions = true,
        description = {"Runs one of the demo's four services (inventory, payments, shipping, notifications) as a "
                + "process of its own until SIGTERM or Ctrl-C. Its ledger DIR/SERVICE.db also holds its inbox and "
                + "outbox: each message's effect, inbox row and reply or events commit in one transaction.",
                "`demo --participants remote` starts all four itself; start them by hand with "
                        + "`demo --participants remote --external-participants`."})
final class ParticipantCommand implements Callable<Integer> {
    static final String READY = "ready";

    @Option(names = "--service", required = true, paramLabel = "NAME",
            description = "inventory, payments, shipping or notifications.")
    String service;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Folder of the services' ledgers.")
    Path dir;

    @Option(names = "--mode", defaultValue = "orchestration", paramLabel = "MODE",
            description = "orchestration (answer the saga's commands) or choreography (react to events) (default: ${DEFAULT-VALUE}).")
    DemoMode mode;

    @Option(names = "--step-delay-ms", defaultValue = "0", paramLabel = "MS",
            description = "Time each operation takes (default: ${DEFAULT-VALUE}).")
    int stepDelayMs;

    @Mixin
    TransportOptions transport = new TransportOptions();

    @Option(names = "--parent-pid", hidden = true, paramLabel = "PID",
            description = "Stop when this process ends: the demo that started this participant.")
    Long parentPid;

    @Override
    public Integer call() throws Exception {
        if (!List.of(OrderMessages.SERVICES).contains(service)) {
            throw new IllegalArgumentException("--service must be one of " + String.join(", ", OrderMessages.SERVICES)
                    + "; was '" + service + "'");
        }
        if (stepDelayMs < 0) {
            throw new IllegalArgumentException("--step-delay-ms must not be negative; was " + stepDelayMs);
        }
        transport.check(); // before the transport or the service makes its database
        if (parentPid != null) {
            stopWith(parentPid);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Transport messages = transport.open(dir);
        OrderServices.Running running;
        try {
            running = OrderServices.start(service, mode.services(), dir, messages,
                    Faults.transientAt(OrderFulfilmentDemo.TRANSIENT_FAULT_RATE), Duration.ofMillis(stepDelayMs));
        } catch (RuntimeException e) {
            messages.close();
            throw e;
        }
        Transport.Subscription presence = ParticipantPresence.answer(messages, service, mode);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("participant " + service + " stopping");
            try {
                presence.close();
                running.close();
            } catch (Exception e) {
                System.err.println("participant " + service + ": closing failed: " + e);
            }
            messages.close();
            stopped.countDown();
        }, "sagaflow-participant-stop"));
        System.err.printf("participant %s (%s over %s) %s%n", service, mode, messages.name(), READY);
        while (!stopped.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
            System.err.printf("participant %s: %d messages handled, %d repeats absorbed%n", service,
                    running.participant().handled(), running.participant().duplicates());
        }
        return 0;
    }

    /**
     * A demo killed with SIGKILL runs no shutdown hook and cannot stop the participants it started:
     * they watch it and stop with it (gracefully, through their own shutdown hook).
     */
    private void stopWith(long pid) {
        CompletableFuture<ProcessHandle> parentGone = ProcessHandle.of(pid).map(ProcessHandle::onExit)
                .orElse(CompletableFuture.completedFuture(null));
        parentGone.thenRun(() -> {
            System.err.println("participant " + service + ": the process that started it (" + pid + ") has ended");
            System.exit(0);
        });
    }
}
