package dev.sagaflow.examples.orders;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Faults a test sets up call by call: "the next 3 releases fail before applying", and so on. */
final class ScriptedFaults implements Faults {
    private final Map<String, AtomicInteger> before = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> after = new ConcurrentHashMap<>();

    ScriptedFaults failBefore(String operation, int times) {
        before.put(operation, new AtomicInteger(times));
        return this;
    }

    ScriptedFaults failAfter(String operation, int times) {
        after.put(operation, new AtomicInteger(times));
        return this;
    }

    void clear() {
        before.clear();
        after.clear();
    }

    @Override
    public void before(Call call) {
        if (take(before, call.operation())) {
            throw new ParticipantUnavailableException(call, "before applying (scripted)");
        }
    }

    @Override
    public void after(Call call) {
        if (take(after, call.operation())) {
            throw new ParticipantUnavailableException(call, "after committing (scripted)");
        }
    }

    private static boolean take(Map<String, AtomicInteger> script, String operation) {
        AtomicInteger left = script.get(operation);
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
