package dev.sagaflow;

import dev.sagaflow.internal.Identifiers;

import java.util.Objects;
import java.util.UUID;

/** The unique id of one saga instance. */
public record SagaId(String value) {
    public SagaId {
        Objects.requireNonNull(value, "value");
        Identifiers.require(value, "SagaId", 200);
    }

    public static SagaId random() {
        return new SagaId(UUID.randomUUID().toString());
    }

    public static SagaId of(String value) {
        return new SagaId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
