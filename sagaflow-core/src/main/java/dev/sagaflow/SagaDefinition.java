package dev.sagaflow;

import dev.sagaflow.internal.Identifiers;

import java.time.Duration;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named, versioned saga: its steps in order, its deadline and how compensations are retried.
 * Built with {@link Saga#define}; the constructor checks the saga rules and throws
 * {@link InvalidSagaDefinitionException} naming the step that breaks one:
 * <ul>
 *   <li>compensatable steps come first, then at most one pivot, then retriable steps only;</li>
 *   <li>a pivot or retriable step has no compensation;</li>
 *   <li>a retriable step's retry policy retries forever and treats no error as final, so it can succeed;</li>
 *   <li>compensations are retried without limit;</li>
 *   <li>a wait's escalation names a later step and skips no pivot; a signal wait after the point of no
 *       return that has a timeout escalates, since it cannot compensate;</li>
 *   <li>a score has a fallback and a threshold that is a number; a wait has no validator, score or
 *       fallback; the fallback of a pivot or retriable step retries until it succeeds, without
 *       compensation (see {@code HarnessRules}).</li>
 * </ul>
 */
public final class SagaDefinition<D> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /** The longest timer or signal timeout: far beyond any business wait, far from overflowing a due time. */
    private static final Duration LONGEST_WAIT = Duration.ofDays(36_500);

    private final String outcomeChannel;
    private final String name;
    private final int version;
    private final Class<D> dataType;
    private final List<StepDefinition<D>> steps;
    private final Duration deadline;
    private final RetryPolicy compensationRetry;
    private final int stallAfterAttempts;
    private final int flagAfterAttempts;
    private final int pointOfNoReturn;
    private final Set<Integer> escalationTargets;
    private final Set<Integer> fallbacks;
    private final Map<String, Class<?>> signals;
    private final int keepRuns;

    SagaDefinition(String name, int version, Class<D> dataType, List<StepDefinition<D>> steps, Duration deadline,
                   RetryPolicy compensationRetry, int stallAfterAttempts, int flagAfterAttempts, String outcomeChannel,
                   int keepRuns) {
        this.name = name;
        this.keepRuns = keepRuns;
        this.outcomeChannel = outcomeChannel;
        this.version = version;
        this.dataType = dataType;
        this.steps = List.copyOf(steps);
        this.deadline = deadline;
        this.compensationRetry = compensationRetry;
        this.stallAfterAttempts = stallAfterAttempts;
        this.flagAfterAttempts = flagAfterAttempts;
        validate();
        this.pointOfNoReturn = findPointOfNoReturn();
        this.escalationTargets = checkEscalations();
        this.fallbacks = fallbackIndexes();
        this.signals = collectSignals();
        checkFlow();
    }

    private void validate() {
        if (name == null || !NAME.matcher(name).matches()) {
            throw invalid("saga name '" + name + "' must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (version < 1) {
            throw invalid("version must be >= 1; was " + version);
        }
        if (steps.isEmpty()) {
            throw invalid("it has no steps");
        }
        if (outcomeChannel != null) {
            try {
                Identifiers.require(outcomeChannel, "the channel of its outcome events", 200);
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
        }
        if (deadline != null && (deadline.isZero() || deadline.isNegative())) {
            throw invalid("deadline must be positive; was " + deadline);
        }
        if (compensationRetry == null || !compensationRetry.isUnlimited() || !compensationRetry.nonRetryable().isEmpty()) {
            throw invalid("compensationRetry must retry without limit and treat no error as final: compensations are never skipped");
        }
        if (stallAfterAttempts < 1) {
            throw invalid("stallAfter must be >= 1; was " + stallAfterAttempts);
        }
        if (flagAfterAttempts < 1) {
            throw invalid("flagAfter must be >= 1; was " + flagAfterAttempts);
        }
        if (keepRuns < 1) {
            throw invalid("keepRuns must be >= 1; was " + keepRuns);
        }
        HarnessRules.check(steps, this::invalid);
        Set<String> seen = new HashSet<>();
        String noReturnStep = null;
        for (StepDefinition<D> step : steps) {
            String stepName = step.name();
            if (stepName == null || !NAME.matcher(stepName).matches()) {
                throw invalid("step name '" + stepName + "' must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
            }
            if (!seen.add(stepName)) {
                throw invalid("step '" + stepName + "' is defined twice");
            }
            if (step.startsChildren()) {
                checkChildren(step, noReturnStep);
            } else if (step.controlsFlow()) {
                // Calls nothing; where it may go is checked once every step is known (checkFlow).
                assert step.action() == null;
            } else if (step.isWait()) {
                checkWait(step);
            } else {
                checkCalls(step);
            }
            if (step.timeout() != null && (step.timeout().isZero() || step.timeout().isNegative())) {
                throw invalid("step '" + stepName + "' has a timeout that is not positive: " + step.timeout());
            }
            switch (step.kind()) {
                case COMPENSATABLE -> {
                    if (noReturnStep != null) {
                        throw invalid("step '" + stepName + "' is compensatable but comes after '" + noReturnStep
                                + "', the point of no return; steps after it must be retriable");
                    }
                }
                case PIVOT -> {
                    if (noReturnStep != null) {
                        throw invalid("pivot step '" + stepName + "' comes after '" + noReturnStep
                                + "'; a saga has at most one pivot, before its retriable steps");
                    }
                    noReturnStep = stepName;
                }
                case RETRIABLE -> {
                    if (!step.retry().isUnlimited() || !step.retry().nonRetryable().isEmpty()) {
                        throw invalid("retriable step '" + stepName + "' has a retry policy that can give up ("
                                + describe(step.retry()) + "); a retriable step must be retried until it succeeds");
                    }
                    if (noReturnStep == null) {
                        noReturnStep = stepName;
                    }
                }
            }
            if (step.kind() != StepKind.COMPENSATABLE && step.hasCompensation()) {
                throw invalid(step.kind().name().toLowerCase() + " step '" + stepName
                        + "' has a compensation, but only compensatable steps are ever compensated");
            }
        }
    }

    private void checkCalls(StepDefinition<D> step) {
        String stepName = step.name();
        if (step.action() == null && step.command() == null) {
            throw invalid("step '" + stepName + "' has no action: call invoke(...) or sendCommand(...)");
        }
        if (step.action() != null && step.command() != null) {
            throw invalid("step '" + stepName + "' has both invoke(...) and sendCommand(...); a step is local or remote");
        }
        if (step.compensation() != null && step.compensationCommand() != null) {
            throw invalid("step '" + stepName + "' has both compensateWith(...) and compensateWithCommand(...)");
        }
        if (step.onReply() != null && step.command() == null) {
            throw invalid("step '" + stepName + "' has onReply(...) but sends no command");
        }
        for (var command : java.util.Arrays.asList(step.command(), step.compensationCommand())) {
            if (command == null) {
                continue;
            }
            if (command.channel() == null || command.channel().isBlank() || command.type() == null
                    || command.type().isBlank() || command.payload() == null) {
                throw invalid("step '" + stepName + "' sends a command without a channel, type or payload");
            }
        }
    }

    private void checkChildren(StepDefinition<D> step, String noReturnStep) {
        String stepName = step.name();
        ChildSagas<D> children = step.children();
        if (noReturnStep != null) {
            throw invalid("step '" + stepName + "' starts child sagas after '" + noReturnStep + "', the point of no "
                    + "return; a step that starts child sagas must be compensatable, so it comes before the pivot");
        }
        if (children.definitions().isEmpty()) {
            throw invalid("step '" + stepName + "' is a parallel block with no branches: a join needs at least one");
        }
        Set<String> names = new HashSet<>();
        for (String branch : children.branchNames()) {
            if (branch == null || !NAME.matcher(branch).matches()) {
                throw invalid("step '" + stepName + "' has a branch named '" + branch
                        + "'; a branch name must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
            }
            if (!names.add(branch)) {
                throw invalid("step '" + stepName + "' has two branches named '" + branch + "'");
            }
        }
        Join<Object> join = children.join();
        if (join.kind() == Join.Kind.QUORUM && join.quorum() < 1) {
            throw invalid("step '" + stepName + "' joins on a quorum of " + join.quorum() + "; a quorum is at least 1");
        }
        if (join.kind() == Join.Kind.QUORUM && children.shape() != ChildSagas.Shape.FOR_EACH
                && join.quorum() > children.definitions().size()) {
            throw invalid("step '" + stepName + "' joins on a quorum of " + join.quorum() + ", larger than its "
                    + children.definitions().size() + " branches: it could never be reached");
        }
        if (join.kind() == Join.Kind.BEST_OF && Double.isNaN(join.threshold())) {
            throw invalid("step '" + stepName + "' has a best-of join whose threshold is NaN");
        }
        if (children.maxConcurrency() < 1) {
            throw invalid("step '" + stepName + "' runs at most " + children.maxConcurrency()
                    + " children at once; it must be at least 1");
        }
        for (int i = 0; i < children.definitions().size(); i++) {
            SagaDefinition<?> child = children.definitions().get(i);
            StepDefinition<?> continues = child.steps().stream()
                    .filter(s -> s.flow() instanceof FlowControl.ContinueAsNew<?>).findFirst().orElse(null);
            if (continues != null) {
                throw invalid("step '" + stepName + "': its child saga '" + child.name() + "' continues as new (step '"
                        + continues.name() + "'); a branch or sub-saga ends when its steps do, it cannot start a new run");
            }
            StepDefinition<?> noReturn = child.steps().stream().filter(s -> s.kind() != StepKind.COMPENSATABLE)
                    .findFirst().orElse(null);
            if (noReturn != null) {
                String which = children.shape() == ChildSagas.Shape.BRANCHES ? "branch '" + children.branchNames().get(i) + "'"
                        : children.shape() == ChildSagas.Shape.FOR_EACH ? "the steps of each item" : "child saga '" + child.name() + "'";
                throw invalid("step '" + stepName + "': " + which + " has a point of no return (step '"
                        + noReturn.name() + "'), so it could not be "
                        + "undone when the join fails or this saga is compensated; child sagas have compensatable steps only");
            }
        }
    }

    /** Loops go back to a known earlier step past the point of no return; a continue-as-new is the last step. */
    private void checkFlow() {
        for (int i = 0; i < steps.size(); i++) {
            StepDefinition<D> step = steps.get(i);
            if (step.flow() instanceof FlowControl.ContinueAsNew<D> && i != steps.size() - 1) {
                throw invalid("step '" + step.name() + "' continues as new, so it must be the saga's last step; '"
                        + steps.get(i + 1).name() + "' follows it");
            }
            if (step.flow() instanceof FlowControl.LoopTo<D> loop) {
                int target = indexOf(loop.target());
                if (target < 0 || target >= i) {
                    throw invalid("step '" + step.name() + "' loops back to '" + loop.target() + "', which is not a step "
                            + "before it");
                }
                if (target < pointOfNoReturn) {
                    throw invalid("step '" + step.name() + "' loops back to '" + loop.target() + "', which comes before "
                            + "the point of no return; a loop repeats only retriable steps and waits after the pivot, "
                            + "so nothing it repeats is ever compensated");
                }
            }
        }
    }

    /** How many runs of this saga keep their history when it continues as new. */
    public int keepRuns() {
        return keepRuns;
    }

    /** The child sagas the steps of this one start (branches, fan-out items, sub-sagas), and theirs, for registration. */
    public List<SagaDefinition<?>> childDefinitions() {
        List<SagaDefinition<?>> all = new java.util.ArrayList<>();
        for (StepDefinition<D> step : steps) {
            if (step.startsChildren()) {
                for (SagaDefinition<?> child : step.children().definitions()) {
                    all.add(child);
                    all.addAll(child.childDefinitions());
                }
            }
        }
        return all;
    }

    private void checkWait(StepDefinition<D> step) {
        String stepName = step.name();
        WaitDefinition<D> wait = step.waitFor();
        if (wait.isSignal()) {
            if (!NAME.matcher(wait.signalName()).matches()) {
                throw invalid("step '" + stepName + "' awaits signal '" + wait.signalName()
                        + "', but a signal name must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
            }
            if (wait.timeout() != null && (wait.timeout().isZero() || wait.timeout().isNegative()
                    || wait.timeout().compareTo(LONGEST_WAIT) > 0)) {
                throw invalid("step '" + stepName + "' has a signal timeout that is not positive or is over "
                        + LONGEST_WAIT.toDays() + " days: " + wait.timeout());
            }
            if (wait.escalateTo() != null && wait.timeout() == null) {
                throw invalid("step '" + stepName + "' escalates to '" + wait.escalateTo()
                        + "' on timeout, but has no timeout: give it timeout(...)");
            }
            if (step.kind() == StepKind.RETRIABLE && wait.timeout() != null && wait.escalateTo() == null) {
                throw invalid("step '" + stepName + "' waits after the point of no return, so its timeout cannot "
                        + "compensate: give it onTimeoutEscalateTo(...) or no timeout");
            }
            return;
        }
        if ((wait.sleep() == null) == (wait.sleepUntil() == null)) {
            throw invalid("step '" + stepName + "' is a timer with both or neither of a duration and a due time");
        }
        if (wait.sleep() != null && wait.sleep().isNegative()) {
            throw invalid("step '" + stepName + "' sleeps for a negative duration: " + wait.sleep());
        }
        if (wait.sleep() != null && wait.sleep().compareTo(LONGEST_WAIT) > 0) {
            throw invalid("step '" + stepName + "' sleeps for more than " + LONGEST_WAIT.toDays() + " days: " + wait.sleep());
        }
        if (wait.timeout() != null || wait.escalateTo() != null) {
            throw invalid("step '" + stepName + "' is a timer: timeout(...) and onTimeoutEscalateTo(...) are for signals");
        }
    }

    /** Checks every escalation's target and returns the indexes of the steps that run only when escalated to. */
    private Set<Integer> checkEscalations() {
        Set<Integer> targets = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            StepDefinition<D> step = steps.get(i);
            if (!step.isWait() || step.waitFor().escalateTo() == null) {
                continue;
            }
            String target = step.waitFor().escalateTo();
            int t = indexOf(target);
            if (t < 0) {
                throw invalid("step '" + step.name() + "' escalates to '" + target + "', which is not a step of this saga");
            }
            if (t <= i) {
                throw invalid("step '" + step.name() + "' escalates to '" + target + "', which does not come after it");
            }
            for (int k = i + 1; k <= t; k++) {
                if (steps.get(k).kind() == StepKind.PIVOT) {
                    throw invalid("step '" + step.name() + "' escalates to '" + target + "' past or onto the pivot '"
                            + steps.get(k).name() + "', which must not be skipped");
                }
            }
            if (steps.get(t).condition() != null) {
                throw invalid("step '" + target + "' is the escalation of step '" + step.name()
                        + "' and has a condition: an escalation runs when escalated to, so it takes no when(...)");
            }
            targets.add(t);
        }
        return Set.copyOf(targets);
    }

    private Set<Integer> fallbackIndexes() {
        Set<Integer> indexes = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).isFallback()) {
                indexes.add(i);
            }
        }
        return Set.copyOf(indexes);
    }

    private Map<String, Class<?>> collectSignals() {
        Map<String, Class<?>> types = new HashMap<>();
        for (StepDefinition<D> step : steps) {
            if (step.isWait() && step.waitFor().isSignal()) {
                Class<?> earlier = types.putIfAbsent(step.waitFor().signalName(), step.waitFor().payloadType());
                if (earlier != null && earlier != step.waitFor().payloadType()) {
                    throw invalid("step '" + step.name() + "' awaits signal '" + step.waitFor().signalName() + "' as a "
                            + step.waitFor().payloadType().getName() + ", but another step awaits it as a " + earlier.getName());
                }
            }
        }
        return Map.copyOf(types);
    }

    /** The index of the step with this name, or -1. */
    public int indexOf(String stepName) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(stepName)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether step {@code index} is an escalation target, run only when a wait's timeout escalates to it. */
    public boolean isEscalationTarget(int index) {
        return escalationTargets.contains(index);
    }

    /** Whether step {@code index} is another's fallback, run only in place of the step before it. */
    public boolean isFallback(int index) {
        return fallbacks.contains(index);
    }

    /** The index of the fallback of step {@code index}, or -1 when it has none. */
    public int fallbackOf(int index) {
        return fallbacks.contains(index + 1) ? index + 1 : -1;
    }

    /** Whether step {@code index} runs only when jumped to: an escalation target or a fallback. */
    public boolean runsOnlyWhenJumpedTo(int index) {
        return escalationTargets.contains(index) || fallbacks.contains(index);
    }

    /** The signals this saga awaits, by name, with their payload types. */
    public Map<String, Class<?>> signals() {
        return signals;
    }

    /** Whether any step sends commands. */
    public boolean sendsCommands() {
        return steps.stream().anyMatch(s -> s.command() != null || s.compensationCommand() != null);
    }

    /** Whether it sends anything (commands, outcome events), so an engine running it needs a transport. */
    public boolean sendsMessages() {
        return sendsCommands() || outcomeChannel != null;
    }

    /** Where its {@link SagaOutcome} events go, if it publishes them. */
    public Optional<String> outcomeChannel() {
        return Optional.ofNullable(outcomeChannel);
    }

    private static String describe(RetryPolicy policy) {
        return policy.isUnlimited() ? "non-retryable errors " + policy.nonRetryable()
                : "maxAttempts " + policy.maxAttempts();
    }

    private int findPointOfNoReturn() {
        for (int i = 0; i < steps.size(); i++) {
            switch (steps.get(i).kind()) {
                case PIVOT -> {
                    return i + 1;
                }
                case RETRIABLE -> {
                    return i;
                }
                default -> {
                }
            }
        }
        return steps.size();
    }

    private InvalidSagaDefinitionException invalid(String problem) {
        return new InvalidSagaDefinitionException("Invalid saga definition '" + name + "' v" + version + ": " + problem);
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public Class<D> dataType() {
        return dataType;
    }

    public List<StepDefinition<D>> steps() {
        return steps;
    }

    public StepDefinition<D> step(int index) {
        return steps.get(index);
    }

    public Optional<Duration> deadline() {
        return Optional.ofNullable(deadline);
    }

    public RetryPolicy compensationRetry() {
        return compensationRetry;
    }

    public int stallAfterAttempts() {
        return stallAfterAttempts;
    }

    /** Failed attempts of one step, still retried, after which the saga is flagged RETRYING. */
    public int flagAfterAttempts() {
        return flagAfterAttempts;
    }

    /**
     * Index of the first step from which the saga can no longer be compensated: the step after the
     * pivot, or the first retriable step; the number of steps when there is neither.
     */
    public int pointOfNoReturn() {
        return pointOfNoReturn;
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }
}
