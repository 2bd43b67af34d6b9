package dev.sagaflow.choreography;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Declares a choreographed saga's expected chain of events for the {@link SagaTracker}:
 *
 * <pre>{@code
 * ChoreographyDefinition orders = Choreography.define("order-choreography")
 *         .startsWith("orders.events", "OrderPlaced")
 *         .step("reserve-stock")
 *             .succeedsWith("inventory.events", "StockReserved")
 *             .failsWith("inventory.events", "StockRejected")
 *             .compensatedBy("inventory.events", "StockReleased")
 *         .step("charge-payment")
 *             .succeedsWith("payments.events", "PaymentCharged")
 *             .failsWith("payments.events", "PaymentDeclined")
 *             .compensatedBy("payments.events", "PaymentRefunded")
 *         .step("create-shipment")
 *             .succeedsWith("shipping.events", "ShipmentCreated")
 *             .failsWith("shipping.events", "ShipmentRejected")
 *         .deadline(Duration.ofMinutes(5))
 *         .onTimeoutPublish("orders.events", "OrderTimedOut")
 *         .build();
 * }</pre>
 *
 * A failure event of a step requires the compensation event of every earlier step that declares
 * one; the saga has FAILED once all of them were seen, and COMPLETED once every step's success was.
 */
public final class Choreography {
    private Choreography() {
    }

    public static Builder define(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("choreography name must be 1-100 letters, digits, '.', '_' or '-'; was " + name);
        }
        return new Builder(name);
    }

    public static class Builder {
        private final String name;
        private EventRef start;
        private final List<StepBuilder> steps = new ArrayList<>();
        private Duration deadline;
        private EventRef timeoutEvent;

        Builder(String name) {
            this.name = name;
        }

        private Builder(Builder from) {
            this.name = from.name;
        }

        public Builder startsWith(String channel, String type) {
            root().start = new EventRef(channel, type);
            return this;
        }

        public StepBuilder step(String stepName) {
            Builder root = root();
            if (stepName == null || stepName.isBlank()) {
                throw new IllegalArgumentException("step name must not be blank in choreography " + name);
            }
            StepBuilder step = new StepBuilder(root, stepName);
            root.steps.add(step);
            return step;
        }

        /** Time from the first event seen of a saga to its end, after which the tracker flags it STALLED. */
        public Builder deadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline of choreography " + name + " must be positive; was " + deadline);
            }
            root().deadline = deadline;
            return this;
        }

        /** The event the tracker publishes (through the store's outbox) for a saga that passes its deadline. */
        public Builder onTimeoutPublish(String channel, String type) {
            root().timeoutEvent = new EventRef(channel, type);
            return this;
        }

        Builder root() {
            return this;
        }

        public ChoreographyDefinition build() {
            Builder root = root();
            if (root.start == null) {
                throw new IllegalArgumentException("choreography " + name + " needs startsWith(channel, type)");
            }
            if (root.steps.isEmpty()) {
                throw new IllegalArgumentException("choreography " + name + " needs at least one step");
            }
            if (root.timeoutEvent != null && root.deadline == null) {
                throw new IllegalArgumentException("choreography " + name + " publishes a timeout event but has no deadline");
            }
            Set<String> names = new HashSet<>();
            Set<EventRef> events = new HashSet<>();
            events.add(root.start);
            List<ChoreographyStep> built = new ArrayList<>();
            for (StepBuilder s : root.steps) {
                if (!names.add(s.stepName)) {
                    throw new IllegalArgumentException("choreography " + name + " has two steps named '" + s.stepName + "'");
                }
                if (s.succeeded == null) {
                    throw new IllegalArgumentException("step '" + s.stepName + "' of choreography " + name
                            + " needs succeedsWith(channel, type)");
                }
                List<EventRef> all = new ArrayList<>(s.failures);
                all.add(s.succeeded);
                if (s.compensated != null) {
                    all.add(s.compensated);
                }
                for (EventRef e : all) {
                    if (!events.add(e)) {
                        throw new IllegalArgumentException("event " + e + " has two roles in choreography " + name
                                + "; each event type may mean one thing");
                    }
                }
                built.add(new ChoreographyStep(s.stepName, s.succeeded, s.failures, s.compensated));
            }
            if (root.timeoutEvent != null && events.contains(root.timeoutEvent)) {
                throw new IllegalArgumentException("timeout event " + root.timeoutEvent + " already has a role in choreography " + name);
            }
            return new ChoreographyDefinition(name, root.start, built, root.deadline, root.timeoutEvent);
        }
    }

    /** One step's events; the builder's methods carry on to the next step or the end. */
    public static final class StepBuilder extends Builder {
        private final Builder root;
        private final String stepName;
        private EventRef succeeded;
        private final List<EventRef> failures = new ArrayList<>();
        private EventRef compensated;

        StepBuilder(Builder root, String stepName) {
            super(root);
            this.root = root;
            this.stepName = stepName;
        }

        @Override
        Builder root() {
            return root;
        }

        public StepBuilder succeedsWith(String channel, String type) {
            succeeded = new EventRef(channel, type);
            return this;
        }

        /** An event that says this step failed; a step may have several. */
        public StepBuilder failsWith(String channel, String type) {
            failures.add(new EventRef(channel, type));
            return this;
        }

        /** The event that says this step was undone, owed when a later step fails. */
        public StepBuilder compensatedBy(String channel, String type) {
            compensated = new EventRef(channel, type);
            return this;
        }
    }
}
