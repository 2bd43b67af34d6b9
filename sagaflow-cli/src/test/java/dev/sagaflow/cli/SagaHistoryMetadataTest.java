package dev.sagaflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sagaflow.Fallback;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaState;
import dev.sagaflow.StepContext;
import dev.sagaflow.jdbc.SqliteSagaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sagaflow saga history} shows what each attempt attached (model, tokens, score) and the fallback's start. */
class SagaHistoryMetadataTest {
    public record Draft(String text, double confidence) {
    }

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void theTimelineShowsEachAttemptsMetadataAndTheJsonCarriesItAsAnObject() throws Exception {
        Path file = dir.resolve("sagas.db");
        SagaId id;
        try (SqliteSagaStore store = SqliteSagaStore.open(file);
             SagaEngine engine = SagaEngine.builder(store).register(Saga.define("write", Draft.class)
                     .step("draft").invoke((d, c) -> {
                         c.attach("model", "small-model").attach("tokens", 321);
                         return new Draft("meh", 0.1);
                     })
                     .score(Draft::confidence, 0.5)
                     .fallback(Fallback.of((Draft d, StepContext c) -> new Draft("good", 0.9))
                             .retry(RetryPolicy.none()))
                     .build()).build()) {
            id = engine.start("write", new Draft(null, 0), "w1");
            assertThat(engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow().state())
                    .isEqualTo(SagaState.COMPLETED);
        }

        CliRun table = CliRun.of("saga", "history", "--store", file.toString(), id.value());
        assertThat(table.status()).as(table.all()).isZero();
        assertThat(table.out()).contains("{\"model\":\"small-model\",\"tokens\":321,\"score\":0.1}")
                .contains("FALLBACK_STARTED").contains("score 0.1 is below the threshold 0.5");

        CliRun json = CliRun.of("saga", "history", "--store", file.toString(), id.value(), "--output", "json");
        assertThat(json.status()).as(json.all()).isZero();
        JsonNode events = new ObjectMapper().readTree(json.out()).get("events");
        JsonNode succeeded = events.findParents("type").stream()
                .filter(e -> e.get("type").asText().equals("STEP_SUCCEEDED") && e.get("step").asText().equals("draft"))
                .findFirst().orElseThrow();
        assertThat(succeeded.get("metadata").get("tokens").asInt()).isEqualTo(321);
        assertThat(succeeded.get("metadata").get("score").asDouble()).isEqualTo(0.1);
    }
}
