package dev.sagaflow.memory;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store in memory: for tests and for measuring the engine without I/O. Not durable. Behaves as
 * the durable stores do (version checks, idempotency-key uniqueness, leases); it passes the same
 * contract suite.
 */
public final class InMemorySagaStore implements SagaStore {
    private final Map<String, SagaRecord> rows = new LinkedHashMap<>();
    private final Map<String, String> idByKey = new HashMap<>();
    private final Map<String, List<HistoryEvent>> histories = new HashMap<>();
    private final Map<String, OutboxEntry> outbox = new LinkedHashMap<>();

    private record OutboxEntry(Message message, String owner, long leaseUntil) {
    }

    @Override
    public synchronized void open(String nodeId) {
    }

    @Override
    public synchronized List<WriteResult> write(List<StoreWrite> writes) {
        List<WriteResult> results = new ArrayList<>(writes.size());
        for (StoreWrite write : writes) {
            SagaRecord r = write.record();
            switch (write) {
                case StoreWrite.Insert insert -> {
                    String existing = idByKey.putIfAbsent(key(r.sagaName(), r.idempotencyKey()), r.id());
                    if (existing != null) {
                        results.add(WriteResult.conflict(existing));
                        continue;
                    }
                    if (rows.containsKey(r.id())) {
                        throw new IllegalArgumentException("saga id " + r.id() + " already exists");
                    }
                    rows.put(r.id(), r);
                    histories.put(r.id(), new ArrayList<>(insert.history()));
                    queue(insert.outbox());
                    results.add(WriteResult.ok());
                }
                case StoreWrite.Update update -> {
                    SagaRecord current = rows.get(r.id());
                    if (current == null || current.version() != update.expectedVersion()) {
                        results.add(WriteResult.stale());
                        continue;
                    }
                    rows.put(r.id(), r);
                    histories.get(r.id()).addAll(update.history());
                    queue(update.outbox());
                    results.add(WriteResult.ok());
                }
            }
        }
        return results;
    }

    @Override
    public synchronized List<SagaRecord> claimDue(String nodeId, long now, long leaseUntil,
                                                  Collection<String> sagaNames, int limit) {
        List<SagaRecord> due = rows.values().stream()
                .filter(r -> r.wakeAt() != null && r.wakeAt() <= now && sagaNames.contains(r.sagaName()))
                .filter(r -> r.owner() == null || r.leaseUntil() == null || r.leaseUntil() < now)
                .sorted(Comparator.comparingLong(SagaRecord::wakeAt))
                .limit(limit)
                .toList();
        List<SagaRecord> claimed = new ArrayList<>(due.size());
        for (SagaRecord r : due) {
            SagaRecord mine = r.toBuilder().owner(nodeId).leaseUntil(leaseUntil).version(r.version() + 1).build();
            rows.put(r.id(), mine);
            claimed.add(mine);
        }
        return claimed;
    }

    @Override
    public synchronized void renewLeases(String nodeId, Collection<String> ids, long leaseUntil) {
        for (String id : ids) {
            rows.computeIfPresent(id, (k, r) -> nodeId.equals(r.owner()) ? r.toBuilder().leaseUntil(leaseUntil).build() : r);
        }
    }

    @Override
    public synchronized void releaseLeases(String nodeId) {
        rows.replaceAll((id, r) -> nodeId.equals(r.owner()) ? r.toBuilder().owner(null).leaseUntil(null).build() : r);
    }

    @Override
    public synchronized Optional<SagaRecord> find(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized Optional<SagaRecord> findByIdempotencyKey(String sagaName, String idempotencyKey) {
        return Optional.ofNullable(idByKey.get(key(sagaName, idempotencyKey))).map(rows::get);
    }

    @Override
    public synchronized List<HistoryEvent> history(String id) {
        return List.copyOf(histories.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized List<SagaRecord> list(SagaQuery query) {
        return rows.values().stream()
                .filter(r -> query.states().isEmpty() || query.states().contains(r.state()))
                .filter(r -> query.sagaName() == null || query.sagaName().equals(r.sagaName()))
                .filter(r -> !query.flagged() || r.flag() != null)
                .sorted(Comparator.comparingLong(SagaRecord::createdAt).reversed().thenComparing(SagaRecord::id))
                .skip(query.offset())
                .limit(query.limit())
                .toList();
    }

    @Override
    public synchronized Map<SagaState, Long> countByState(String sagaName) {
        Map<SagaState, Long> counts = new EnumMap<>(SagaState.class);
        for (SagaRecord r : rows.values()) {
            if (sagaName == null || sagaName.equals(r.sagaName())) {
                counts.merge(r.state(), 1L, Long::sum);
            }
        }
        return counts;
    }

    @Override
    public synchronized Optional<Long> nextWakeAt(Collection<String> sagaNames) {
        return rows.values().stream()
                .filter(r -> r.wakeAt() != null && r.owner() == null && sagaNames.contains(r.sagaName()))
                .map(SagaRecord::wakeAt)
                .min(Long::compare);
    }

    private void queue(List<Message> messages) {
        for (Message m : messages) {
            if (outbox.putIfAbsent(m.id(), new OutboxEntry(m, null, 0)) != null) {
                throw new IllegalArgumentException("outbox message id " + m.id() + " already exists");
            }
        }
    }

    @Override
    public synchronized List<Message> claimOutbox(String nodeId, long now, long leaseUntil, int limit) {
        List<Message> claimed = new ArrayList<>();
        for (Map.Entry<String, OutboxEntry> e : outbox.entrySet()) {
            if (claimed.size() == limit) {
                break;
            }
            OutboxEntry entry = e.getValue();
            if (entry.owner() == null || entry.leaseUntil() < now) {
                e.setValue(new OutboxEntry(entry.message(), nodeId, leaseUntil));
                claimed.add(entry.message());
            }
        }
        return claimed;
    }

    @Override
    public synchronized void deleteOutbox(Collection<String> messageIds) {
        messageIds.forEach(outbox::remove);
    }

    @Override
    public void close() {
    }

    private static String key(String sagaName, String idempotencyKey) {
        return sagaName + '\u0000' + idempotencyKey;
    }
}
