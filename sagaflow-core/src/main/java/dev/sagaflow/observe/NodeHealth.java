package dev.sagaflow.observe;

import java.time.Duration;
import java.time.Instant;

/**
 * A node's state as an operator or a health check sees it.
 *
 * @param nodeId         the node's name
 * @param storeReachable whether the store answered the health read (within the store timeout)
 * @param storeError     the store's last error while unreachable or failing commits, or {@code null}
 * @param instancesHeld  instances this node holds a lease on (running, or waiting for a call)
 * @param dueWaiting     instances due and not held by any node, counted up to {@link #DUE_COUNT_CAP}
 * @param dueBehind      how long the oldest of them has been due; zero when none is
 * @param lastCommit     when this node's last commit of transitions was confirmed, or {@code null}
 */
public record NodeHealth(String nodeId, boolean storeReachable, String storeError, int instancesHeld, long dueWaiting,
                         Duration dueBehind, Instant lastCommit) {

    /** Counting due work stops here: the figure says "at least this many" and stays cheap. */
    public static final int DUE_COUNT_CAP = 10_000;

    /** One line for a log or a terminal: what changed is easy to spot between two of them. */
    public String summary() {
        return "store " + (storeReachable ? "reachable" : "UNREACHABLE" + (storeError == null ? "" : " (" + storeError + ")"))
                + ", leases held " + instancesHeld
                + ", due work " + (dueWaiting >= DUE_COUNT_CAP ? ">=" + DUE_COUNT_CAP : String.valueOf(dueWaiting))
                + (dueWaiting > 0 ? " (oldest " + dueBehind.toMillis() + " ms behind)" : "")
                + ", last commit " + (lastCommit == null ? "none" : lastCommit.toString());
    }
}
