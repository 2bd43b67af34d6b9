package dev.sagaflow.messaging;

/** Folds a successful reply into the saga data; returns the new data (or the same object). */
@FunctionalInterface
public interface ReplyHandler<D> {
    D apply(D data, Reply reply) throws Exception;
}
