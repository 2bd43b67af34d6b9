package dev.sagaflow;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SagaDefinitionTest {
    record Data(int n) {
    }

    static StepAction<Data> same() {
        return (d, c) -> d;
    }

    @Test
    void aCommandsChannelOrTypeThatNoStoreCouldHoldIsRejectedAtTheStep() {
        assertThatThrownBy(() -> Saga.define("remote", Data.class)
                .step("reserve").sendCommand("c".repeat(201), "Reserve", d -> d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel").hasMessageContaining("200");
        assertThatThrownBy(() -> Saga.define("remote", Data.class)
                .step("reserve").sendCommand("inventory", "Re\u0000serve", d -> d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> Saga.define("remote", Data.class)
                .step("reserve").sendCommand("inventory", "Reserve", d -> d)
                .compensateWithCommand(" ", "Release", d -> d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel");
    }

    @Test
    void aCompensatableStepAfterThePivotIsRejectedByName() {
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .pivot("ship").invoke(same())
                .step("refund").invoke(same()).compensateWith((d, c) -> { })
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessage("Invalid saga definition 's' v1: step 'refund' is compensatable but comes after 'ship', "
                        + "the point of no return; steps after it must be retriable");
    }

    @Test
    void aRetriableStepThatCanGiveUpIsRejected() {
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .retriable("mail").invoke(same()).retry(RetryPolicy.builder().maxAttempts(5).build())
                .build())
                .hasMessageContaining("retriable step 'mail' has a retry policy that can give up (maxAttempts 5)");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .retriable("mail").invoke(same())
                .retry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED).nonRetryable(IllegalStateException.class).build())
                .build())
                .hasMessageContaining("retriable step 'mail' has a retry policy that can give up (non-retryable errors");
    }

    @Test
    void otherRulesNameTheStepAndTheProblem() {
        assertThatThrownBy(() -> Saga.define("s", Data.class).build()).hasMessageContaining("it has no steps");
        assertThatThrownBy(() -> Saga.define("s", Data.class).step("a").build())
                .hasMessageContaining("step 'a' has no action: call invoke(...)");
        assertThatThrownBy(() -> Saga.define("s", Data.class).step("a").invoke(same()).step("a").invoke(same()).build())
                .hasMessageContaining("step 'a' is defined twice");
        assertThatThrownBy(() -> Saga.define("s", Data.class).pivot("a").invoke(same()).pivot("b").invoke(same()).build())
                .hasMessageContaining("pivot step 'b' comes after 'a'");
        assertThatThrownBy(() -> Saga.define("s", Data.class).pivot("a").invoke(same()).compensateWith((d, c) -> { }).build())
                .hasMessageContaining("pivot step 'a' has a compensation");
        assertThatThrownBy(() -> Saga.define("bad/name", Data.class).step("a").invoke(same()).build())
                .hasMessageContaining("saga name 'bad/name' must be");
        assertThatThrownBy(() -> Saga.define("s", Data.class).step("a").invoke(same()).timeout(Duration.ZERO).build())
                .hasMessageContaining("step 'a' has a timeout that is not positive");
        assertThatThrownBy(() -> Saga.define("s", Data.class).compensationRetry(RetryPolicy.defaults()).step("a").invoke(same()).build())
                .hasMessageContaining("compensationRetry must retry without limit");
    }

    @Test
    void thePointOfNoReturnFollowsThePivotOrTheFirstRetriableStep() {
        assertThat(Saga.define("s", Data.class).step("a").invoke(same()).pivot("b").invoke(same())
                .retriable("c").invoke(same()).build().pointOfNoReturn()).isEqualTo(2);
        assertThat(Saga.define("s", Data.class).step("a").invoke(same()).retriable("c").invoke(same())
                .build().pointOfNoReturn()).isEqualTo(1);
        assertThat(Saga.define("s", Data.class).step("a").invoke(same()).build().pointOfNoReturn()).isEqualTo(1);
    }

    @Test
    void retryPolicyDelaysGrowAndAreCapped() {
        RetryPolicy p = RetryPolicy.builder().initialDelay(Duration.ofMillis(100)).multiplier(2)
                .maxDelay(Duration.ofMillis(500)).jitter(0.2).build();
        assertThat(p.delayMillis(1, 0.5)).isEqualTo(100);
        assertThat(p.delayMillis(3, 0.5)).isEqualTo(400);
        assertThat(p.delayMillis(10, 0.5)).isEqualTo(500);
        assertThat(p.delayMillis(1, 0.0)).isEqualTo(80);
        assertThat(p.delayMillis(1, 0.999)).isBetween(119L, 120L);
        assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5).build()).hasMessageContaining("jitter must be in [0, 1)");
    }

    record Decision(boolean approved) {
    }

    static SignalHandler<Data, Decision> fold() {
        return (d, p) -> d;
    }

    @Test
    void waitsWhoseEscalationOrTimeoutCannotWorkAreRejectedNamingTheStep() {
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .awaitSignal("manager", "decision", Decision.class, fold()).timeout(Duration.ofSeconds(1))
                .onTimeoutEscalateTo("nobody").build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'manager' escalates to 'nobody', which is not a step of this saga");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .step("first").invoke(same())
                .awaitSignal("manager", "decision", Decision.class, fold()).timeout(Duration.ofSeconds(1))
                .onTimeoutEscalateTo("first").build())
                .isInstanceOf(InvalidSagaDefinitionException.class).hasMessageContaining("does not come after it");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .awaitSignal("manager", "decision", Decision.class, fold()).onTimeoutEscalateTo("later")
                .step("later").invoke(same()).build())
                .isInstanceOf(InvalidSagaDefinitionException.class).hasMessageContaining("has no timeout");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .awaitSignal("manager", "decision", Decision.class, fold()).timeout(Duration.ofSeconds(1))
                .onTimeoutEscalateTo("after")
                .pivot("ship").invoke(same())
                .retriable("after").invoke(same()).build())
                .isInstanceOf(InvalidSagaDefinitionException.class).hasMessageContaining("past or onto the pivot 'ship'");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .pivot("ship").invoke(same())
                .awaitSignal("confirm", "decision", Decision.class, fold()).timeout(Duration.ofSeconds(1)).build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'confirm' waits after the point of no return, so its timeout cannot compensate");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .awaitSignal("a", "decision", Decision.class, fold())
                .awaitSignal("b", "decision", Data.class, (d, p) -> d).build())
                .isInstanceOf(InvalidSagaDefinitionException.class).hasMessageContaining("step 'b' awaits signal 'decision'");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .awaitSignal("a", "$cancel", Decision.class, fold()).build())
                .isInstanceOf(InvalidSagaDefinitionException.class).hasMessageContaining("step 'a' awaits signal '$cancel'");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .awaitSignal("manager", "decision", Decision.class, fold()).timeout(Duration.ofSeconds(1))
                .onTimeoutEscalateTo("director")
                .awaitSignal("director", "decision", Decision.class, fold()).when(d -> d.n() > 0).build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'director' is the escalation of step 'manager' and has a condition");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .awaitSignal("manager", "decision", Decision.class, fold()).timeout(Duration.ofDays(365 * 1000)).build())
                .isInstanceOf(InvalidSagaDefinitionException.class).hasMessageContaining("step 'manager' has a signal timeout");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .sleep("nap", Duration.ofSeconds(-1)).build())
                .isInstanceOf(InvalidSagaDefinitionException.class).hasMessageContaining("step 'nap' sleeps for a negative");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .sleep("nap", Duration.ofSeconds(1)).timeout(Duration.ofSeconds(1)).build())
                .isInstanceOf(InvalidSagaDefinitionException.class).hasMessageContaining("step 'nap' is a timer");
    }

    @Test
    void aWaitAfterThePivotIsRetriableAndAnEscalationTargetRunsOnlyWhenEscalatedTo() {
        SagaDefinition<Data> d = Saga.define("s", Data.class)
                .awaitSignal("manager", "decision", Decision.class, fold()).timeout(Duration.ofSeconds(1))
                .onTimeoutEscalateTo("director")
                .awaitSignal("director", "decision", Decision.class, fold()).timeout(Duration.ofSeconds(1))
                .pivot("ship").invoke(same())
                .sleep("cool-off", Duration.ofSeconds(1))
                .build();
        assertThat(d.step(0).kind()).isEqualTo(StepKind.COMPENSATABLE);
        assertThat(d.step(3).kind()).isEqualTo(StepKind.RETRIABLE);
        assertThat(d.isEscalationTarget(1)).isTrue();
        assertThat(d.isEscalationTarget(0)).isFalse();
        assertThat(d.signals()).containsOnlyKeys("decision");
    }

    @Test
    void harnessRulesAreCheckedWhenTheDefinitionIsBuiltNamingTheStep() {
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .pivot("ship").invoke(same())
                .retriable("mail").invoke(same())
                .fallback(Fallback.of(same()).retry(RetryPolicy.builder().maxAttempts(3).build()))
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'mail' is past the point of no return, so its fallback must be retried until "
                        + "it succeeds; its retry policy can give up (maxAttempts 3)");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .pivot("ship").invoke(same())
                .fallback(Fallback.of(same()).retry(RetryPolicy.builder().maxAttempts(RetryPolicy.UNLIMITED)
                        .nonRetryable(IllegalStateException.class).build()))
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'ship' is past the point of no return, so its fallback must be retried until "
                        + "it succeeds; its retry policy can give up (non-retryable errors");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .pivot("ship").invoke(same())
                .fallback(Fallback.of(same()).compensateWith((d, c) -> { }))
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'ship' has a fallback with a compensation");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .step("draft").invoke(same()).score(d -> d.n(), 0.5)
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'draft' has a score(...) but no fallback(...)");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .step("draft").invoke(same()).score(d -> d.n(), Double.NaN).fallback(same())
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'draft' has a score threshold that is NaN");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .step("draft").invoke(same()).fallback(same())
                .step("draft.fallback").invoke(same())
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'draft.fallback' is defined twice");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .awaitSignal("manager", "decision", Decision.class, fold()).timeout(Duration.ofSeconds(1))
                .onTimeoutEscalateTo("draft.fallback")
                .step("draft").invoke(same()).fallback(same())
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'manager' escalates to 'draft.fallback', the fallback of step 'draft'");
        assertThatThrownBy(() -> Saga.define("s", Data.class)
                .step("d".repeat(95)).invoke(same()).fallback(same())
                .build())
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("has a fallback, whose name '" + "d".repeat(95) + ".fallback' would be over 100 characters");
    }

    @Test
    void aValidatorScoreOrFallbackOnAWaitingStepIsRefused() {
        StepDefinition<Data> nap = Saga.define("s", Data.class).sleep("nap", Duration.ofSeconds(1)).build().step(0);
        StepDefinition<Data> validated = new StepDefinition<>(nap.name(), nap.kind(), null, null, nap.retry(), null, null,
                null, null, null, nap.waitFor(), d -> "never valid", null, null, null, null);
        assertThatThrownBy(() -> new SagaDefinition<>("s", 1, Data.class, java.util.List.of(validated), null,
                RetryPolicy.forever(), 5, 10, null, 10))
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'nap' waits, so it has no output to validate or score");
        StepDefinition<Data> scored = new StepDefinition<>(nap.name(), nap.kind(), null, null, nap.retry(), null, null,
                null, null, null, nap.waitFor(), null, new StepScore<>(d -> 1.0, 0.5), null, null, null);
        assertThatThrownBy(() -> new SagaDefinition<>("s", 1, Data.class, java.util.List.of(scored), null,
                RetryPolicy.forever(), 5, 10, null, 10))
                .isInstanceOf(InvalidSagaDefinitionException.class)
                .hasMessageContaining("step 'nap' waits, so it has no output to validate or score");
    }

    @Test
    void aFallbackIsAHiddenStepRightAfterItsStepOfTheSameKind() {
        SagaDefinition<Data> d = Saga.define("s", Data.class)
                .step("draft").invoke(same()).fallback(same())
                .pivot("ship").invoke(same()).fallback(same())
                .retriable("mail").invoke(same())
                .build();
        assertThat(d.steps()).extracting(StepDefinition::name)
                .containsExactly("draft", "draft.fallback", "ship", "ship.fallback", "mail");
        assertThat(d.step(1).kind()).isEqualTo(StepKind.COMPENSATABLE);
        assertThat(d.step(1).retry()).isEqualTo(RetryPolicy.defaults());
        assertThat(d.step(3).kind()).isEqualTo(StepKind.RETRIABLE);
        assertThat(d.step(3).retry().isUnlimited()).isTrue();
        assertThat(d.fallbackOf(0)).isEqualTo(1);
        assertThat(d.fallbackOf(1)).isEqualTo(-1);
        assertThat(d.isFallback(3)).isTrue();
        assertThat(d.isFallback(2)).isFalse();
        assertThat(d.pointOfNoReturn()).isEqualTo(3);
    }
}
