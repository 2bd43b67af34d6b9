package dev.sagaflow;

import java.util.Objects;
import java.util.UUID;

/** The unique id of one saga instance. */
public record SagaId(String value) {
    public SagaId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("SagaId value must not be blank");
        }
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
