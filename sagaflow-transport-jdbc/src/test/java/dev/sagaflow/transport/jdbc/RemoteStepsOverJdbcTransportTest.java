package dev.sagaflow.transport.jdbc;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.jdbc.PostgresSagaStore;
import dev.sagaflow.jdbc.testing.PostgresTestDatabase;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.messaging.Transport;
import dev.sagaflow.testing.DuplicatingTransport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine on PostgreSQL sending commands through the JDBC-table transport in the same database,
 * every message delivered twice and out of order: each saga moves once per reply and ends right.
 */
class RemoteStepsOverJdbcTransportTest {
    public record Payment(String id, int amount) {
    }

    @Test
    void everyCommandAndReplyDeliveredTwiceMovesEachSagaOnce() throws Exception {
        SagaDefinition<Payment> saga = Saga.define("pay", Payment.class)
                .step("authorize")
                .sendCommand("bank.commands", "Authorize", p -> p)
                .compensateWithCommand("bank.commands", "Void", p -> p)
                .timeout(Duration.ofSeconds(30))
                .step("capture")
                .sendCommand("bank.commands", "Capture", p -> p)
                .timeout(Duration.ofSeconds(30))
                .retry(dev.sagaflow.RetryPolicy.builder().maxAttempts(1).build())
                .build();
        Set<String> inbox = ConcurrentHashMap.newKeySet();
        Set<String> voided = ConcurrentHashMap.newKeySet();
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             PostgresSagaStore store = PostgresSagaStore.connect(database.url());
             Transport transport = new DuplicatingTransport(JdbcTransport.open(database.url()), 300, 11);
             Transport bankSide = new DuplicatingTransport(JdbcTransport.open(database.url()), 300, 13)) {
            bankSide.subscribe("bank.commands", "bank", command -> {
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
            try (SagaEngine engine = SagaEngine.builder(store).register(saga).transport(transport).build()) {
                List<SagaId> ids = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    ids.add(engine.start("pay", new Payment("p-" + i, i % 20 == 0 ? 13 : 50), "p-" + i));
                }
                await().atMost(Duration.ofSeconds(90)).until(() ->
                        ids.stream().allMatch(id -> engine.get(id).state().isTerminal()));
                await().atMost(Duration.ofSeconds(10)).until(() -> engine.repliesIgnored() > 0);

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
