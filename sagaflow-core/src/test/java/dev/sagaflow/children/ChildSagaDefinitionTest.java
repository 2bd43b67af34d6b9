package dev.sagaflow.children;

import dev.sagaflow.InvalidSagaDefinitionException;
import dev.sagaflow.Join;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaEngine;
import dev.sagaflow.memory.InMemorySagaStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Definitions with child sagas that are refused when built, each naming its step. */
class ChildSagaDefinitionTest {
    public record Data(String id, List<String> items) {
    }

    @Test
    void aJoinWithNoBranchesIsRefused() {
        assertThatThrownBy(() -> Saga.define("empty", Data.class).parallel("book").step("after").invoke((d, c) -> d).build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'book' is a parallel block with no branches");
    }

    @Test
    void aQuorumLargerThanTheBranchesIsRefused() {
        assertThatThrownBy(() -> Saga.define("quorum", Data.class).parallel("ask")
                .branch("a", b -> b.step("x").invoke((d, c) -> d))
                .branch("b", b -> b.step("y").invoke((d, c) -> d))
                .join(Join.quorum(3)).build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'ask' joins on a quorum of 3, larger than its 2 branches");
        assertThatThrownBy(() -> Saga.define("quorum0", Data.class).forEach("each", Data::items, String.class,
                        b -> b.step("x").invoke((d, c) -> d)).join(Join.quorum(0)).build())
                .hasMessageContaining("step 'each' joins on a quorum of 0");
    }

    @Test
    void aBranchWithAPointOfNoReturnIsRefusedNamingTheStepAndTheBranch() {
        assertThatThrownBy(() -> Saga.define("pivoting", Data.class).parallel("book")
                .branch("ok", b -> b.step("x").invoke((d, c) -> d))
                .branch("charge", b -> b.step("hold").invoke((d, c) -> d).pivot("capture").invoke((d, c) -> d))
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'book': branch 'charge' has a point of no return (step 'capture')");
    }

    @Test
    void childrenAfterThePivotAreRefused() {
        SagaDefinition<Data> child = Saga.define("child", Data.class).step("x").invoke((d, c) -> d).build();
        assertThatThrownBy(() -> Saga.define("late", Data.class).pivot("charge").invoke((d, c) -> d)
                .child("ship", child, d -> d, null).build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'ship' starts child sagas after 'charge', the point of no return");
    }

    @Test
    void badConcurrencyThresholdsAndBranchNamesAreRefused() {
        assertThatThrownBy(() -> Saga.define("conc", Data.class).forEach("each", Data::items, String.class,
                        b -> b.step("x").invoke((d, c) -> d)).maxConcurrency(0).build())
                .hasMessageContaining("step 'each' runs at most 0 children at once");
        assertThatThrownBy(() -> Saga.define("nan", Data.class).forEach("each", Data::items, String.class,
                        b -> b.step("x").invoke((d, c) -> d)).join(Join.bestOf(String::length, Double.NaN)).build())
                .hasMessageContaining("step 'each' has a best-of join whose threshold is NaN");
        assertThatThrownBy(() -> Saga.define("twice", Data.class).parallel("p")
                .branch("a", b -> b.step("x").invoke((d, c) -> d))
                .branch("a", b -> b.step("y").invoke((d, c) -> d)).build())
                .hasMessageContaining("step 'p' has two branches named 'a'");
        assertThatThrownBy(() -> Saga.define("emptybranch", Data.class).parallel("p")
                .branch("a", b -> { }).build())
                .hasMessageContaining("emptybranch.p.a").hasMessageContaining("it has no steps");
    }

    @Test
    void branchesAreRegisteredAsSagasOfTheSameVersion() {
        SagaDefinition<Data> saga = Saga.define("trip", Data.class).version(3).parallel("book")
                .branch("flight", b -> b.step("x").invoke((d, c) -> d))
                .branch("hotel", b -> b.step("y").invoke((d, c) -> d)).build();
        assertThat(saga.childDefinitions()).extracting(SagaDefinition::name).containsExactly("trip.book.flight", "trip.book.hotel");
        assertThat(saga.childDefinitions()).allSatisfy(d -> assertThat(d.version()).isEqualTo(3));
        try (SagaEngine engine = SagaEngine.builder(new InMemorySagaStore()).register(saga).build()) {
            assertThat(engine.client()).isNotNull();
        }
    }
}
