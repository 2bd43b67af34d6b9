package dev.sagaflow.cli;

import dev.sagaflow.observe.NodeHealth;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class NodeStatusLineTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static NodeHealth health(boolean reachable, int held, long due, Instant lastCommit) {
        return new NodeHealth("node-1", reachable, reachable ? null : "Connection refused", held, due,
                Duration.ofMillis(due > 0 ? 250 : 0), lastCommit);
    }

    @Test
    void theFirstStateIsPrintedAndTheSameStateIsNotPrintedAgain() {
        NodeStatusLine status = new NodeStatusLine();
        assertThat(status.next(health(true, 0, 0, null), NOW)).hasValueSatisfying(line -> assertThat(line)
                .isEqualTo("node node-1: store reachable, leases held 0, due work 0, last commit none"));
        assertThat(status.next(health(true, 0, 0, null), NOW.plusSeconds(1))).isEmpty();
    }

    @Test
    void numbersMovingWithinADecadeWhileCommittingPrintNothing() {
        NodeStatusLine status = new NodeStatusLine();
        status.next(health(true, 12, 30, NOW), NOW);
        assertThat(status.next(health(true, 57, 44, NOW.plusSeconds(1)), NOW.plusSeconds(1))).isEmpty();
        assertThat(status.next(health(true, 120, 44, NOW.plusSeconds(2)), NOW.plusSeconds(2)))
                .hasValueSatisfying(line -> assertThat(line).contains("leases held 120").contains("due work 44 (oldest 250 ms behind)"));
    }

    @Test
    void theStoreLostAndBackAndCommitsStoppingArePrinted() {
        NodeStatusLine status = new NodeStatusLine();
        status.next(health(true, 5, 0, NOW), NOW);
        assertThat(status.next(health(false, 5, 0, NOW), NOW.plusSeconds(1)))
                .hasValueSatisfying(line -> assertThat(line).contains("store UNREACHABLE (Connection refused)"));
        assertThat(status.next(health(true, 5, 0, NOW), NOW.plusSeconds(2))).isPresent();
        assertThat(status.next(health(true, 5, 0, NOW), NOW.plusSeconds(11)))
                .hasValueSatisfying(line -> assertThat(line).endsWith("no commit for 10 s while instances are held"));
    }
}
