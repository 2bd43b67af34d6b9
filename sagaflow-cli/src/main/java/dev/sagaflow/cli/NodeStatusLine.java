package dev.sagaflow.cli;

import dev.sagaflow.observe.NodeHealth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code node} command's status line: printed when the node's state changes in a way an operator
 * cares about — the store lost or back, the leases held or the due work moving by an order of
 * magnitude, commits stopping — not on every tick while it works.
 */
final class NodeStatusLine {
    /** No commit for this long while instances are held reads as "commits stopped". */
    static final Duration QUIET = Duration.ofSeconds(10);

    private String lastKey;

    /** The line to print for {@code health} at {@code now}, if it differs from the last one printed. */
    Optional<String> next(NodeHealth health, Instant now) {
        String key = key(health, now);
        if (key.equals(lastKey)) {
            return Optional.empty();
        }
        lastKey = key;
        return Optional.of("node " + health.nodeId() + ": " + health.summary()
                + (stalled(health, now) ? " — no commit for " + QUIET.toSeconds() + " s while instances are held" : ""));
    }

    private static String key(NodeHealth h, Instant now) {
        return h.storeReachable() + "|" + magnitude(h.instancesHeld()) + "|" + magnitude(h.dueWaiting()) + "|" + stalled(h, now);
    }

    private static boolean stalled(NodeHealth h, Instant now) {
        return h.instancesHeld() > 0 && (h.lastCommit() == null || h.lastCommit().plus(QUIET).isBefore(now));
    }

    /** 0, 1-9, 10-99, … : the same while a busy node's numbers move within a decade. */
    static int magnitude(long n) {
        return n <= 0 ? 0 : (int) Math.log10(n) + 1;
    }
}
