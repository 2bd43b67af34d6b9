package dev.sagaflow.faults;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDataException;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaInstance;
import dev.sagaflow.SagaState;
import dev.sagaflow.memory.InMemorySagaStore;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 9, fault 6: data that Jackson writes but cannot read back (or reads back as something else)
 * is refused at start and when a step returns it, naming the type and the field; step results are
 * held to the same size limit as start data.
 */
class DataRoundTripTest {
    /** Jackson writes a Shape, but cannot read one back: it does not know which kind to make. */
    public interface Shape {
        double area();
    }

    public record Square(double side) implements Shape {
        @Override
        public double area() {
            return side * side;
        }
    }

    public record Drawing(String id, List<Shape> shapes) {
    }

    /** Written with a field that is never read back: what the saga stored is not what it ran on. */
    public static final class Lossy {
        private final String id;
        private String remark;

        @JsonCreator
        public Lossy(@JsonProperty("id") String id) {
            this.id = id;
        }

        public String getId() {
            return id;
        }

        public String getNote() {
            return remark;
        }

        void remark(String text) {
            this.remark = text;
        }
    }

    final InMemorySagaStore store = new InMemorySagaStore();
    final List<String> undone = new CopyOnWriteArrayList<>();
    @AutoClose
    SagaEngine engine;

    @Test
    void dataThatDoesNotReadBackIsRefusedAtStartNamingTypeAndField() {
        engine = SagaEngine.builder(store).register(Saga.define("drawing", Drawing.class)
                .step("draw").invoke((d, c) -> d).build()).build();

        assertThatThrownBy(() -> engine.start("drawing", new Drawing("d", List.of(new Square(2))), "d"))
                .isInstanceOf(SagaDataException.class)
                .hasMessageContaining(Drawing.class.getName())
                .hasMessageContaining("shapes")
                .hasMessageContaining("read back");
        assertThat(store.countByState(null)).as("nothing stored").isEmpty();
    }

    @Test
    void dataThatReadsBackAsSomethingElseIsRefusedNamingTheField() {
        engine = SagaEngine.builder(store).register(Saga.define("lossy", Lossy.class)
                .step("one").invoke((d, c) -> d).build()).build();
        Lossy data = new Lossy("x");
        data.remark("kept only in memory");

        assertThatThrownBy(() -> engine.start("lossy", data, "x"))
                .isInstanceOf(SagaDataException.class)
                .hasMessageContaining(Lossy.class.getName())
                .hasMessageContaining("field 'note'");
        assertThat(store.countByState(null)).isEmpty();
    }

    @Test
    void aStepResultThatDoesNotReadBackFailsItsAttemptAndTheSagaCompensates() throws Exception {
        engine = SagaEngine.builder(store).register(Saga.define("drawing", Drawing.class)
                .step("reserve").invoke((d, c) -> d).compensateWith((d, c) -> undone.add("reserve"))
                .step("draw").invoke((d, c) -> new Drawing(d.id(), List.of(new Square(3))))
                .compensateWith((d, c) -> undone.add("draw"))
                .build()).build();

        SagaId id = engine.start("drawing", new Drawing("d", List.of()), "d");
        SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failure()).contains(Drawing.class.getName()).contains("shapes").contains("read back");
        assertThat(undone).containsExactly("draw", "reserve");
    }

    @Test
    void aStepResultOverTheSizeLimitFailsItsAttempt() throws Exception {
        engine = SagaEngine.builder(store).maxDataBytes(1_000).register(Saga.define("drawing", Drawing.class)
                .step("reserve").invoke((d, c) -> d).compensateWith((d, c) -> undone.add("reserve"))
                .step("grow").invoke((d, c) -> new Drawing("x".repeat(2_000), d.shapes()))
                .build()).build();

        SagaId id = engine.start("drawing", new Drawing("d", List.of()), "d");
        SagaInstance done = engine.awaitTermination(id, Duration.ofSeconds(10)).orElseThrow();

        assertThat(done.state()).isEqualTo(SagaState.FAILED);
        assertThat(done.failure()).contains("over the limit of 1000");
        assertThat(undone).containsExactly("reserve");
        assertThat(done.dataJson()).doesNotContain("xxxx");
    }
}
