package dev.sagaflow.messaging;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.testing.DuplicatingTransport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Remote steps end to end over a real transport, every command and reply delivered twice and out
 * of order: each saga moves once per reply and ends right. A transport module extends this with
 * its transport and a store.
 */
public abstract class RemoteStepsContract {
    public record Payment(String id, int amount) {
    }

    /** A new transport on the shared backing; each call acts as another process. */
    protected abstract Transport newTransport() throws Exception;

    protected abstract SagaStore newStore() throws Exception;

    @Test
    void everyCommandAndReplyDeliveredTwiceMovesEachSagaOnce() throws Exception {
        String commands = "bank" + UUID.randomUUID().toString().substring(0, 8) + ".commands";
        SagaDefinition<Payment> saga = Saga.define("pay", Payment.class)
                .step("authorize")
                .sendCommand(commands, "Authorize", p -> p)
                .compensateWithCommand(commands, "Void", p -> p)
                .timeout(Duration.ofSeconds(60))
                .step("capture")
                .sendCommand(commands, "Capture", p -> p)
                .timeout(Duration.ofSeconds(60))
                .retry(RetryPolicy.builder().maxAttempts(1).build())
                .build();
        Set<String> inbox = ConcurrentHashMap.newKeySet();
        Set<String> voided = ConcurrentHashMap.newKeySet();
        AtomicLong deliveries = new AtomicLong();
        try (SagaStore store = newStore();
             Transport transport = new DuplicatingTransport(newTransport(), 300, 11);
             Transport bankSide = new DuplicatingTransport(newTransport(), 300, 13)) {
            bankSide.subscribe(commands, "bank", command -> {
                deliveries.incrementAndGet();
                if (!inbox.add(command.id())) {
                    return;
                }
                Reply reply = switch (command.type()) {
                    case "Capture" -> command.payload().contains("\"amount\":13")
                            ? Reply.failure("insufficient funds") : Reply.success(null);
                    case "Void" -> {
                        voided.add(command.sagaId());
                        yield Reply.success(null);
                    }
                    default -> Reply.success(null);
                };
                bankSide.send(List.of(reply.toMessage(command)));
            });
            try (SagaEngine engine = SagaEngine.builder(store).register(saga).transport(transport)
                    .replyChannel(commands + ".replies").build()) {
                List<SagaId> ids = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    ids.add(engine.start("pay", new Payment("p-" + i, i % 20 == 0 ? 13 : 50), "p-" + i));
                }
                await().atMost(Duration.ofSeconds(90)).until(() ->
                        ids.stream().allMatch(id -> engine.get(id).state().isTerminal()));
                // One command per step call: authorize and capture for each saga, a void for each declined one.
                int declinedSagas = (int) ids.stream().filter(id -> engine.get(id).data(Payment.class).amount() == 13).count();
                int distinct = 2 * ids.size() + declinedSagas;
                // Copies reach both sides (how many depends on the transport: a table queue absorbs a copy
                // sent while the first still waits), and the engine drops every copy after the first.
                await().atMost(Duration.ofSeconds(10)).until(() -> engine.repliesIgnored() > 0 && deliveries.get() > distinct);
                System.out.printf("%d commands: %d deliveries to the bank; replies applied %d, ignored %d%n", distinct,
                        deliveries.get(), engine.repliesApplied(), engine.repliesIgnored());
                assertThat(declinedSagas).isEqualTo(10);
                assertThat(inbox).as("distinct commands the bank received: one per step call").hasSize(distinct);
                assertThat(engine.repliesApplied()).as("replies that moved a saga: one per command").isEqualTo(distinct);

                for (SagaId id : ids) {
                    SagaInstance s = engine.get(id);
                    boolean declined = s.data(Payment.class).amount() == 13;
                    assertThat(s.state()).isEqualTo(declined ? SagaState.FAILED : SagaState.COMPLETED);
                    Set<String> moved = new HashSet<>();
                    for (HistoryEvent e : s.history()) {
                        if (e.type() == HistoryEventType.STEP_SUCCEEDED || e.type() == HistoryEventType.STEP_FAILED
                                || e.type() == HistoryEventType.COMPENSATION_SUCCEEDED) {
                            assertThat(moved.add(e.type() + "/" + e.step())).as("%s moved once", id).isTrue();
                        }
                    }
                    assertThat(voided.contains(id.value())).isEqualTo(declined);
                }
            }
        }
    }
}
