package dev.sagaflow.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaClient;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.harness.Harness.Draft;
import dev.sagaflow.memory.InMemorySagaStore;
import dev.sagaflow.testing.Closeables;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.sagaflow.harness.Harness.attempts;
import static dev.sagaflow.harness.Harness.entries;
import static dev.sagaflow.harness.Harness.finish;
import static org.assertj.core.api.Assertions.assertThat;

/** What a step body attaches to its attempt is kept with that attempt's history entry, bounded, never failing it. */
class HarnessMetadataTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @AutoClose
    final Closeables open = new Closeables();
    final InMemorySagaStore store = new InMemorySagaStore();

    static JsonNode metadata(HistoryEvent e) throws Exception {
        assertThat(e.metadata()).as("metadata of %s", e).isNotNull();
        JsonNode node = JSON.readTree(e.metadata());
        assertThat(node.isObject()).as("metadata is a JSON object: %s", e.metadata()).isTrue();
        return node;
    }

    @Test
    void eachAttemptKeepsWhatItsBodyAttachedBesideItsDuration() throws Exception {
        SagaEngine engine = open.add(Harness.engine(store, Saga.define("write", Draft.class)
                .step("draft").invoke((d, c) -> {
                    c.attach("model", c.attempt() == 1 ? "small-model" : "large-model");
                    c.attach(Map.of("tokens", 100 * c.attempt(), "temperature", 0.2));
                    Thread.sleep(20);
                    if (c.attempt() == 1) {
                        throw new IllegalStateException("rate limited");
                    }
                    return d.written("text", 0.9, "model");
                })
                .retry(attempts(3))
                .step("publish").invoke((d, c) -> d)
                .build()));

        SagaId id = engine.start("write", new Draft("m1", null, 0, null), "m1");
        SagaInstance done = finish(engine, id);

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        HistoryEvent failed = entries(done, HistoryEventType.STEP_FAILED, "draft").getFirst();
        assertThat(metadata(failed).get("model").asText()).isEqualTo("small-model");
        assertThat(metadata(failed).get("tokens").asInt()).isEqualTo(100);
        assertThat(failed.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        HistoryEvent succeeded = entries(done, HistoryEventType.STEP_SUCCEEDED, "draft").getFirst();
        assertThat(metadata(succeeded).get("model").asText()).isEqualTo("large-model");
        assertThat(metadata(succeeded).get("tokens").asInt()).isEqualTo(200);
        assertThat(metadata(succeeded).get("temperature").asDouble()).isEqualTo(0.2);
        assertThat(succeeded.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        assertThat(entries(done, HistoryEventType.STEP_SUCCEEDED, "publish").getFirst().metadata())
                .as("an attempt that attached nothing has none").isNull();

        // The same through a client with no definition, and straight from the store.
        SagaClient client = open.add(SagaClient.builder(store).build());
        assertThat(client.get(id).history()).isEqualTo(done.history());
        assertThat(store.history(id.value())).isEqualTo(done.history());
    }

    @Test
    void metadataOverTheLimitIsReplacedByAMarkerAndTheAttemptStillCounts() throws Exception {
        SagaEngine engine = open.add(Harness.engine(store, Saga.define("write", Draft.class)
                .step("draft").invoke((d, c) -> {
                    c.attach("prompt", "x".repeat(10_000));
                    return d.written("text", 0.9, "model");
                })
                .build()));

        SagaInstance done = finish(engine, engine.start("write", new Draft("m2", null, 0, null), "m2"));

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        HistoryEvent succeeded = entries(done, HistoryEventType.STEP_SUCCEEDED, "draft").getFirst();
        assertThat(succeeded.metadata().length()).isLessThanOrEqualTo(HistoryEvent.MAX_METADATA_CHARS);
        assertThat(metadata(succeeded).get("$dropped").asText()).contains("over the limit of 4000 characters")
                .contains("prompt");
    }

    /** A value Jackson cannot write: its getter throws. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("cannot be read");
        }
    }

    @Test
    void metadataThatIsNotJsonIsReplacedByAMarkerAndStrangeTextIsMadeStorable() throws Exception {
        SagaEngine engine = open.add(Harness.engine(store, Saga.define("write", Draft.class)
                .step("draft").invoke((d, c) -> {
                    c.attach("bad", new Unwritable());
                    return d.written("text", 0.9, "model");
                })
                .step("odd").invoke((d, c) -> {
                    Map<String, Object> self = new LinkedHashMap<>();
                    c.attach("note", "nul\u0000 and half \uD800 a pair");
                    c.attach(null, "no key");
                    c.attach("nothing", null);
                    c.attach(self);
                    return d;
                })
                .step("cyclic").invoke((d, c) -> {
                    List<Object> loop = new java.util.ArrayList<>();
                    loop.add(loop);
                    c.attach("loop", loop);
                    return d;
                })
                .build()));

        SagaInstance done = finish(engine, engine.start("write", new Draft("m3", null, 0, null), "m3"));

        assertThat(done.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(metadata(entries(done, HistoryEventType.STEP_SUCCEEDED, "draft").getFirst()).get("$dropped").asText())
                .contains("not JSON").contains("cannot be read");
        JsonNode odd = metadata(entries(done, HistoryEventType.STEP_SUCCEEDED, "odd").getFirst());
        assertThat(odd.get("note").asText()).startsWith("nul\u0000 and half ").doesNotContain("\uD800");
        assertThat(odd.get("null").asText()).isEqualTo("no key");
        assertThat(odd.get("nothing").isNull()).isTrue();
        assertThat(metadata(entries(done, HistoryEventType.STEP_SUCCEEDED, "cyclic").getFirst()).has("$dropped")).isTrue();
    }

    @Test
    void aCompensationKeepsWhatItAttachedToo() throws Exception {
        SagaEngine engine = open.add(Harness.engine(store, Saga.define("write", Draft.class)
                .step("reserve").invoke((d, c) -> d).compensateWith((d, c) -> c.attach("released", 3))
                .step("draft").invoke((d, c) -> {
                    throw new dev.sagaflow.NonRetryableStepException("refused");
                })
                .build()));

        SagaInstance done = finish(engine, engine.start("write", new Draft("m4", null, 0, null), "m4"));

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(entries(done, HistoryEventType.COMPENSATION_SUCCEEDED, "reserve").getFirst().metadata())
                .isEqualTo("{\"released\":3}");
    }
}
