package dev.sagaflow;

import java.util.List;
import java.util.function.Predicate;

/** Builds a {@linkplain FlowControl flow step}: a loop back, or a continue-as-new. */
public final class FlowStepBuilder<D> extends StepChain<D> {
    private final String name;
    private final FlowControl<D> control;
    private Predicate<D> condition;

    FlowStepBuilder(SagaBuilder<D> saga, String name, FlowControl<D> control) {
        super(saga);
        this.name = name;
        this.control = control;
    }

    /** Takes the step only when the condition holds for the data at that moment; otherwise it is skipped. */
    public FlowStepBuilder<D> when(Predicate<D> holds) {
        this.condition = holds;
        return this;
    }

    @Override
    List<StepDefinition<D>> toDefinitions(boolean pastNoReturn) {
        return List.of(StepDefinition.controllingFlow(name, condition, control));
    }
}
