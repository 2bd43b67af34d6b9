package dev.sagaflow.schedule;

/**
 * What a schedule does with the ticks that passed while no node could start them (every node down,
 * or the cluster behind by more than {@link Schedule#missedAfter(java.time.Duration) missedAfter}).
 * Applied when a node starts or wakes and finds the schedule behind; which ticks were missed is
 * computed from the last tick stored for the schedule, never from a node's memory.
 */
public enum MissedTicks {
    /** Missed ticks start nothing; the next tick to come starts as usual. */
    SKIP,
    /** One start, for the latest missed tick; the ticks before it start nothing; then on as usual. */
    RUN_ONCE
}
