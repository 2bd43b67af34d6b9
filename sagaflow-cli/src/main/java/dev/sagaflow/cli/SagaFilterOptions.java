package dev.sagaflow.cli;

import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Which sagas a list or a bulk action is about: every filter given applies; newest first. */
final class SagaFilterOptions {
    @Option(names = "--name", paramLabel = "SAGA", description = "Only sagas of this name, e.g. order-fulfilment.")
    String name;

    @Option(names = "--state", paramLabel = "STATES", split = ",",
            description = "Only sagas in these states, comma-separated, e.g. COMPENSATION_STALLED,WAITING (any case).")
    List<String> states;

    @Option(names = "--since", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Only sagas created at or after TIME: an ISO-8601 instant (2026-11-30T10:15:00Z) or a time ago (15m, 2h).")
    Instant since;

    @Option(names = "--until", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Only sagas created before TIME (as --since).")
    Instant until;

    @Option(names = "--correlation-id", paramLabel = "ID", description = "Only sagas with this correlation id.")
    String correlationId;

    @Option(names = "--key", paramLabel = "KEY", description = "Only sagas started with this idempotency key (with --name: of that saga).")
    String key;

    @Option(names = "--flagged", description = "Only sagas flagged for an operator: a stalled compensation, a step "
            + "still retried after many failures, a call that does not return.")
    boolean flagged;

    @Option(names = "--limit", paramLabel = "N", description = "At most N sagas, 1 to 1000 (default: 50 for list, 1000 for a bulk action).")
    Integer limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the first N matches (default: ${DEFAULT-VALUE}).")
    int offset;

    /** Whether any filter was given: a bulk action needs one. */
    boolean any() {
        return name != null || (states != null && !states.isEmpty()) || since != null || until != null
                || correlationId != null || key != null || flagged;
    }

    SagaQuery query(int defaultLimit) {
        int size = limit == null ? defaultLimit : limit;
        if (size < 1 || size > 1000) {
            throw new IllegalArgumentException("--limit must be 1 to 1000; was " + size);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("--offset must not be negative; was " + offset);
        }
        if (since != null && until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("--since " + since + " is not before --until " + until);
        }
        SagaQuery query = SagaQuery.all().withStates(states()).withSagaName(name).withCorrelationId(correlationId)
                .withIdempotencyKey(key).createdBetween(since, until).page(offset, size);
        return flagged ? query.flaggedOnly() : query;
    }

    Set<SagaState> states() {
        return parseStates(states);
    }

    /** States by name, any case; an unknown one is a usage mistake naming the valid ones. */
    static Set<SagaState> parseStates(List<String> names) {
        Set<SagaState> parsed = EnumSet.noneOf(SagaState.class);
        if (names == null) {
            return parsed;
        }
        for (String raw : names) {
            String value = raw.trim();
            if (value.isEmpty()) {
                continue;
            }
            try {
                parsed.add(SagaState.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown state '" + value + "'; the states are "
                        + Arrays.stream(SagaState.values()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        return parsed;
    }
}
