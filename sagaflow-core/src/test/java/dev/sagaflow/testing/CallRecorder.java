package dev.sagaflow.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a participant saw, keyed by idempotency key: how many calls, and whether two calls of one key
 * ever ran at the same time (an overlap), and when each call began and ended, so a test can tell a
 * compensation that overtook its call.
 */
public final class CallRecorder {
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    public final List<String> overlaps = new CopyOnWriteArrayList<>();
    /** "begin key", "end key", in the order they happened. */
    public final List<String> timeline = new CopyOnWriteArrayList<>();

    /** Marks a call of {@code key} as begun; close the returned handle when it ends. */
    public AutoCloseable begin(String key) {
        calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
            overlaps.add(key);
        }
        timeline.add("begin " + key);
        return () -> {
            timeline.add("end " + key);
            running.get(key).decrementAndGet();
        };
    }

    public int calls(String key) {
        AtomicInteger n = calls.get(key);
        return n == null ? 0 : n.get();
    }

    public Map<String, Integer> callsByKey() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        calls.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Whether every event of {@code first} came before any event of {@code then}. */
    public boolean endedBefore(String first, String then) {
        int lastOfFirst = timeline.lastIndexOf("end " + first);
        int firstOfThen = timeline.indexOf("begin " + then);
        return lastOfFirst >= 0 && (firstOfThen < 0 || lastOfFirst < firstOfThen);
    }
}
