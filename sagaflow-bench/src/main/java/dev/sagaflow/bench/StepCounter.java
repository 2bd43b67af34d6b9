package dev.sagaflow.bench;

import dev.sagaflow.SagaId;
import dev.sagaflow.SagaListener;
import dev.sagaflow.SagaState;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts recorded step and compensation attempts and ended sagas, per saga name: the figures a
 * workload with child sagas is judged by (a child's steps are counted under its own saga's name).
 */
final class StepCounter implements SagaListener {
    private final Map<String, AtomicLong> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> ended = new ConcurrentHashMap<>();
    private final Map<String, Semaphore> rooms = new ConcurrentHashMap<>();

    long attempts(String sagaName) {
        return attempts.getOrDefault(sagaName, new AtomicLong()).get();
    }

    long ended(String sagaName) {
        return ended.getOrDefault(sagaName, new AtomicLong()).get();
    }

    /** Each end of a saga of this name gives one permit back to {@code room}. */
    void limit(String sagaName, Semaphore room) {
        rooms.put(sagaName, room);
    }

    @Override
    public void onAttemptRecorded(SagaId id, String sagaName, String step, boolean compensation, boolean succeeded,
                                  long latencyNanos) {
        attempts.computeIfAbsent(sagaName, n -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void onSagaEnded(SagaId id, String sagaName, SagaState state) {
        ended.computeIfAbsent(sagaName, n -> new AtomicLong()).incrementAndGet();
        Semaphore room = rooms.get(sagaName);
        if (room != null) {
            room.release();
        }
    }
}
