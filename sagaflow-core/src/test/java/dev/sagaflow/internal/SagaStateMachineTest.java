package dev.sagaflow.internal;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.IllegalSagaStateException;
import dev.sagaflow.RetryPolicy;
import dev.sagaflow.Saga;
import dev.sagaflow.SagaDefinition;
import dev.sagaflow.SagaState;
import dev.sagaflow.spi.SagaRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SagaStateMachineTest {
    record Data(int n) {
    }

    static final long T0 = 1_000_000L;

    final SagaDefinition<Data> definition = Saga.define("order", Data.class)
            .deadline(Duration.ofSeconds(60))
            .stallAfter(2)
            .step("reserve").invoke((d, c) -> d).compensateWith((d, c) -> { })
                .retry(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(100)).jitter(0).build())
            .step("check").invoke((d, c) -> d)
            .step("charge").invoke((d, c) -> d).compensateWith((d, c) -> { })
            .pivot("ship").invoke((d, c) -> d)
            .retriable("confirm").invoke((d, c) -> d)
            .build();
    final SagaStateMachine machine = new SagaStateMachine(definition, () -> 0.5);

    SagaRecord initial() {
        return SagaRecord.newInstance("s1", "order", 1, "k1", "k1", "{}", T0, T0 + 60_000);
    }

    SagaRecord started() {
        return machine.start(initial(), i -> true, T0).next();
    }

    @Test
    void startMovesToTheFirstStepThatRuns() {
        Transition t = machine.start(initial(), i -> i != 0, T0);
        assertThat(t.next().state()).isEqualTo(SagaState.RUNNING);
        assertThat(t.next().stepIndex()).isEqualTo(1);
        assertThat(types(t)).containsExactly(HistoryEventType.SAGA_STARTED, HistoryEventType.STEP_SKIPPED);
        assertThat(t.history()).extracting(HistoryEvent::seq).containsExactly(1, 2);
        assertThat(t.next().historySize()).isEqualTo(2);
    }

    @Test
    void successPushesOnlyStepsWithACompensationAndCompletesAtTheEnd() {
        SagaRecord r = started();
        for (int step = 0; step < 5; step++) {
            r = machine.stepSucceeded(r, step, "{\"n\":" + step + "}", i -> true, 3, T0 + step).next();
        }
        assertThat(r.state()).isEqualTo(SagaState.COMPLETED);
        assertThat(r.toCompensate()).containsExactly(0, 2);
        assertThat(r.wakeAt()).isNull();
        assertThat(r.data()).isEqualTo("{\"n\":4}");
        assertThat(machine.nextEffect(r, T0 + 10)).isEqualTo(new Effect.None());
    }

    @Test
    void retryableFailureWaitsForADurableDueTime() {
        SagaRecord r = started();
        Transition t = machine.stepFailed(r, 0, new StepError("boom", true, false), 5, T0 + 10);
        assertThat(t.next().state()).isEqualTo(SagaState.WAITING);
        assertThat(t.next().attemptsMade()).isEqualTo(1);
        assertThat(t.next().wakeAt()).isEqualTo(T0 + 10 + 100);
        assertThat(types(t)).containsExactly(HistoryEventType.STEP_FAILED, HistoryEventType.RETRY_SCHEDULED);
        assertThat(machine.nextEffect(t.next(), T0 + 50)).isEqualTo(new Effect.Wait(T0 + 110));
        assertThat(machine.nextEffect(t.next(), T0 + 110)).isEqualTo(new Effect.Resume());
        SagaRecord resumed = machine.resume(t.next(), T0 + 110).next();
        assertThat(machine.nextEffect(resumed, T0 + 110)).isEqualTo(new Effect.RunStep(0, 2));
    }

    @Test
    void exhaustedRetriesCompensateInReverseOrderOfCompletion() {
        SagaRecord r = started();
        r = machine.stepSucceeded(r, 0, "{}", i -> true, 1, T0).next();
        r = machine.stepSucceeded(r, 1, "{}", i -> true, 1, T0).next();
        r = machine.stepSucceeded(r, 2, "{}", i -> true, 1, T0).next();
        Transition failed = machine.stepFailed(r, 3, new StepError("carrier down", false, false), 1, T0);
        r = failed.next();
        assertThat(r.state()).isEqualTo(SagaState.COMPENSATING);
        assertThat(r.failure()).contains("step 'ship' failed after 1 attempt: carrier down");
        assertThat(machine.nextEffect(r, T0)).isEqualTo(new Effect.Compensate(2, 1));
        r = machine.compensationSucceeded(r, 2, 1, T0).next();
        assertThat(machine.nextEffect(r, T0)).isEqualTo(new Effect.Compensate(0, 1));
        Transition last = machine.compensationSucceeded(r, 0, 1, T0);
        assertThat(last.next().state()).isEqualTo(SagaState.FAILED);
        assertThat(types(last)).containsExactly(HistoryEventType.COMPENSATION_SUCCEEDED, HistoryEventType.SAGA_FAILED);
    }

    @Test
    void aTimedOutStepIsCompensatedBecauseItsOutcomeIsUnknown() {
        SagaRecord r = machine.stepSucceeded(started(), 0, "{}", i -> true, 1, T0).next();
        r = machine.stepSucceeded(r, 1, "{}", i -> true, 1, T0).next();
        r = machine.stepFailed(r, 2, StepError.timeout(50), 50, T0).next();
        assertThat(r.outcomeUnknown()).isTrue();
        r = machine.resume(r, r.wakeAt()).next();
        r = machine.stepFailed(r, 2, new StepError("declined", false, false), 1, T0 + 500).next();
        assertThat(r.state()).isEqualTo(SagaState.COMPENSATING);
        assertThat(r.toCompensate()).containsExactly(0, 2);
    }

    @Test
    void retriableStepsRetryEvenOnNonRetryableErrors() {
        SagaRecord r = started();
        for (int step = 0; step < 4; step++) {
            r = machine.stepSucceeded(r, step, "{}", i -> true, 1, T0).next();
        }
        r = machine.stepFailed(r, 4, new StepError("mail down", false, false), 1, T0 + 100_000).next();
        assertThat(r.state()).isEqualTo(SagaState.WAITING);
    }

    @Test
    void compensationFailuresStallAfterTheConfiguredCountAndKeepRetrying() {
        SagaRecord r = machine.stepSucceeded(started(), 0, "{}", i -> true, 1, T0).next();
        r = machine.stepFailed(r, 1, new StepError("no", false, false), 1, T0).next();
        r = machine.compensationFailed(r, 0, new StepError("db down", true, false), 1, T0).next();
        assertThat(r.state()).isEqualTo(SagaState.COMPENSATING);
        Transition stalled = machine.compensationFailed(r, 0, new StepError("db down", true, false), 1, T0);
        assertThat(stalled.next().state()).isEqualTo(SagaState.COMPENSATION_STALLED);
        assertThat(types(stalled)).contains(HistoryEventType.COMPENSATION_STALLED);
        assertThat(stalled.next().wakeAt()).isGreaterThan(T0);
        SagaRecord retried = machine.retry(stalled.next(), T0 + 5).next();
        assertThat(retried.state()).isEqualTo(SagaState.COMPENSATING);
        assertThat(retried.attemptsMade()).isZero();
        assertThat(machine.nextEffect(retried, T0 + 5)).isEqualTo(new Effect.Compensate(0, 1));
    }

    @Test
    void cancelCompensatesTheStepThatMayBeRunning() {
        SagaRecord r = machine.stepSucceeded(started(), 0, "{}", i -> true, 1, T0).next();
        r = machine.stepSucceeded(r, 1, "{}", i -> true, 1, T0).next();
        Transition cancelled = machine.cancel(r, T0);
        assertThat(cancelled.next().toCompensate()).containsExactly(0, 2);
        assertThat(cancelled.next().cancelRequested()).isTrue();
        SagaRecord done = machine.compensationSucceeded(cancelled.next(), 2, 1, T0).next();
        done = machine.compensationSucceeded(done, 0, 1, T0).next();
        assertThat(done.state()).isEqualTo(SagaState.CANCELLED);
    }

    @Test
    void cancelIsRefusedPastThePointOfNoReturnAndOnceTerminal() {
        SagaRecord r = started();
        for (int step = 0; step < 4; step++) {
            r = machine.stepSucceeded(r, step, "{}", i -> true, 1, T0).next();
        }
        SagaRecord pastPivot = r;
        assertThatThrownBy(() -> machine.cancel(pastPivot, T0))
                .isInstanceOf(IllegalSagaStateException.class).hasMessageContaining("point of no return (step 'ship')");
        SagaRecord completed = machine.stepSucceeded(r, 4, "{}", i -> true, 1, T0).next();
        assertThatThrownBy(() -> machine.cancel(completed, T0)).hasMessageContaining("already COMPLETED");
    }

    @Test
    void deadlineBeforeThePivotCompensates() {
        SagaRecord r = machine.stepSucceeded(started(), 0, "{}", i -> true, 1, T0).next();
        assertThat(machine.nextEffect(r, T0 + 60_000)).isEqualTo(new Effect.DeadlineExceeded());
        SagaRecord late = machine.deadlineExceeded(r, T0 + 60_000).next();
        assertThat(late.state()).isEqualTo(SagaState.COMPENSATING);
        assertThat(late.toCompensate()).containsExactly(0);
        assertThat(late.failure()).contains("deadline exceeded at step 'check'");
    }

    @Test
    void aRetryDueAfterTheDeadlineCompensatesAtOnce() {
        SagaRecord r = started();
        SagaRecord known = machine.stepFailed(r, 0, new StepError("x", false, false), 1, T0 + 59_950).next();
        assertThat(known.state()).as("refused for good: nothing to compensate").isEqualTo(SagaState.FAILED);

        r = machine.stepFailed(r, 0, new StepError("x", true, false), 1, T0 + 59_950).next();
        assertThat(r.state()).as("a retryable failure may have acted: the step is compensated")
                .isEqualTo(SagaState.COMPENSATING);
        assertThat(r.toCompensate()).containsExactly(0);
        assertThat(r.failure()).isEqualTo("deadline exceeded at step 'reserve'");
    }

    @Test
    void resultsForAnotherStepAreRejected() {
        SagaRecord r = started();
        assertThatThrownBy(() -> machine.stepSucceeded(r, 2, "{}", i -> true, 1, T0))
                .isInstanceOf(IllegalStateException.class);
    }

    private static List<HistoryEventType> types(Transition t) {
        return t.history().stream().map(HistoryEvent::type).toList();
    }

    @Test
    void aCancelOfACompensatingSagaKeepsTheReplyItsCompensationAwaits() {
        SagaRecord compensating = started().toBuilder().state(SagaState.COMPENSATING).toCompensate(List.of(0))
                .await(new SagaRecord.Wait(SagaRecord.WaitKind.REPLY, "m-1", T0 + 5_000)).wakeAt(T0 + 5_000).build();
        SagaRecord cancelled = machine.cancel(compensating, T0 + 10).next();
        assertThat(cancelled.awaitedReply()).isEqualTo("m-1");
        assertThat(cancelled.cancelRequested()).isTrue();
        assertThat(machine.cancel(cancelled, T0 + 20).next().awaitedReply()).isEqualTo("m-1");
    }
}
