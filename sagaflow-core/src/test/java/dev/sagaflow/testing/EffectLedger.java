package dev.sagaflow.testing;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the participants of a test did to the world, per idempotency key ({@code sagaId/stepName}):
 * how often a step's effect came into being, how often it was undone, and the tombstones a
 * participant left for a compensation that overtook its command. Effects are idempotent by key (a
 * repeated call finds its effect present and does nothing), so an effect counted twice is one that
 * was undone and then applied again: the forward effect landed after its undo.
 */
public final class EffectLedger {

    /** The facts of one key. */
    public static final class Entry {
        /** Times the effect went from absent to present. */
        public int applied;
        /** Times the effect went from present to absent. */
        public int undone;
        public boolean present;
        /** A compensation found nothing to undo and, the participant keeping tombstones, left one. */
        public boolean tombstone;
        /** Commands that arrived after their compensation (tombstone or undo) and were given no effect. */
        public int overtaken;

        @Override
        public String toString() {
            return "applied " + applied + ", undone " + undone + (present ? ", present" : ", absent")
                    + (tombstone ? ", tombstone" : "") + (overtaken > 0 ? ", " + overtaken + " late command(s) ignored" : "");
        }
    }

    private final Map<String, Entry> entries = new TreeMap<>();

    private Entry entry(String key) {
        return entries.computeIfAbsent(key, k -> new Entry());
    }

    /** A plain forward effect, idempotent by key: applied unless present. */
    public synchronized void apply(String key) {
        Entry e = entry(key);
        if (!e.present) {
            e.present = true;
            e.applied++;
        }
    }

    /**
     * A participant's forward effect (docs/participants.md, rule 4): none if the key's compensation
     * came first; returns whether the effect is (now or already) present.
     */
    public synchronized boolean applyUnlessCompensated(String key) {
        Entry e = entry(key);
        if (e.tombstone || e.undone > 0) {
            e.overtaken++;
            return false;
        }
        apply(key);
        return true;
    }

    /** Undoes the effect if present; with {@code leaveTombstone}, a compensation that finds nothing leaves a tombstone. */
    public synchronized void undo(String key, boolean leaveTombstone) {
        Entry e = entry(key);
        if (e.present) {
            e.present = false;
            e.undone++;
        } else if (leaveTombstone && e.undone == 0) {
            e.tombstone = true;
        }
    }

    /** A copy of the key's facts (all zero if the key was never touched). */
    public synchronized Entry get(String key) {
        Entry e = entries.get(key);
        Entry copy = new Entry();
        if (e != null) {
            copy.applied = e.applied;
            copy.undone = e.undone;
            copy.present = e.present;
            copy.tombstone = e.tombstone;
            copy.overtaken = e.overtaken;
        }
        return copy;
    }

    /** Every key touched, with a copy of its facts. */
    public synchronized Map<String, Entry> snapshot() {
        Map<String, Entry> copy = new TreeMap<>();
        entries.keySet().forEach(k -> copy.put(k, get(k)));
        return copy;
    }

    /** For tests of a checker: sets a key's facts as given, whatever they are. */
    public synchronized void plant(String key, int applied, int undone, boolean present) {
        Entry e = entry(key);
        e.applied = applied;
        e.undone = undone;
        e.present = present;
    }
}
