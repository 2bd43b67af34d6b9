package dev.sagaflow.memory;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.spi.DueWork;
import dev.sagaflow.spi.Inbox;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.ScheduleRecord;
import dev.sagaflow.spi.TickClaim;
import dev.sagaflow.spi.SignalDelivery;
import dev.sagaflow.spi.SignalRecord;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteResult;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A store in memory: for tests and for measuring the engine without I/O. Not durable. Behaves as
 * the durable stores do (version checks, idempotency-key uniqueness, leases); it passes the same
 * contract suite.
 */
public final class InMemorySagaStore implements SagaStore {
    private final Map<String, SagaRecord> rows = new LinkedHashMap<>();
    private final Map<String, String> idByKey = new HashMap<>();
    /** Each instance's history, each entry with the run it belongs to. */
    private final Map<String, List<RunEntry>> histories = new HashMap<>();

    private record RunEntry(HistoryEvent event, int run) {
    }

    private static List<RunEntry> ofRun(List<HistoryEvent> events, int run) {
        return events.stream().map(e -> new RunEntry(e, run)).toList();
    }
    private final Map<String, OutboxEntry> outbox = new LinkedHashMap<>();
    private final Map<String, SignalRecord> signals = new HashMap<>();
    private final Map<String, Map<String, SignalRecord>> inboxes = new HashMap<>();
    private final Map<String, ScheduleRecord> schedules = new java.util.TreeMap<>();

    private record OutboxEntry(Message message, String owner, long leaseUntil) {
    }

    @Override
    public synchronized void open(String nodeId) {
    }

    @Override
    public synchronized List<WriteResult> write(List<StoreWrite> writes) {
        List<WriteResult> results = new ArrayList<>(writes.size());
        for (StoreWrite write : writes) {
            if (write instanceof StoreWrite.Group group) {
                WriteResult refusal = null;
                Set<String> keys = new HashSet<>();
                for (StoreWrite member : group.members()) {
                    WriteResult check = check(member);
                    if (check == null && member instanceof StoreWrite.Insert
                            && !keys.add(key(member.record().sagaName(), member.record().idempotencyKey()))) {
                        check = WriteResult.conflict(member.record().id());
                    }
                    if (check != null) {
                        refusal = check;
                        break;
                    }
                }
                if (refusal != null) {
                    results.add(refusal);
                    continue;
                }
                group.members().forEach(this::apply);
                results.add(WriteResult.ok());
                continue;
            }
            WriteResult refusal = check(write);
            if (refusal != null) {
                results.add(refusal);
                continue;
            }
            apply(write);
            results.add(WriteResult.ok());
        }
        return results;
    }

    /** Why the write would be refused, or null if it would be applied. */
    private WriteResult check(StoreWrite write) {
        SagaRecord r = write.record();
        return switch (write) {
            case StoreWrite.Insert insert -> {
                String existing = idByKey.get(key(r.sagaName(), r.idempotencyKey()));
                if (existing != null) {
                    yield WriteResult.conflict(existing);
                }
                if (rows.containsKey(r.id())) {
                    throw new IllegalArgumentException("saga id " + r.id() + " already exists");
                }
                yield null;
            }
            case StoreWrite.Update update -> {
                SagaRecord current = rows.get(r.id());
                yield current == null || current.version() != update.expectedVersion() ? WriteResult.stale() : null;
            }
            case StoreWrite.Group group -> throw new IllegalArgumentException("write groups do not nest");
        };
    }

    private void apply(StoreWrite write) {
        SagaRecord r = write.record();
        switch (write) {
            case StoreWrite.Insert insert -> {
                idByKey.put(key(r.sagaName(), r.idempotencyKey()), r.id());
                rows.put(r.id(), r);
                histories.put(r.id(), new ArrayList<>(ofRun(insert.history(), r.progress().run())));
                queue(insert.outbox());
            }
            case StoreWrite.Update update -> {
                SagaRecord current = rows.get(r.id());
                rows.put(r.id(), withStoredSignals(r, current.signals().received()));
                if (update.keepRunsFrom() != null) {
                    histories.get(r.id()).removeIf(entry -> entry.run() < update.keepRunsFrom());
                }
                histories.get(r.id()).addAll(ofRun(update.history(), r.progress().run()));
                Map<String, SignalRecord> pending = inboxes.get(r.id());
                if (pending != null) {
                    update.consumedSignals().forEach(pending::remove);
                }
                queue(update.outbox());
                update.deliveries().forEach(delivery -> deliverSignal(delivery, r.updatedAt()));
            }
            case StoreWrite.Group group -> throw new IllegalArgumentException("write groups do not nest");
        }
    }

    /** The row as written, with the store's signal count; made due now if it has not seen them all. */
    private static SagaRecord withStoredSignals(SagaRecord r, long received) {
        Long wakeAt = r.wakeAt();
        if (received > r.signals().seen() && !r.state().isTerminal() && (wakeAt == null || wakeAt > r.updatedAt())) {
            wakeAt = r.updatedAt();
        }
        return r.withSignals(new SagaRecord.Signals(received, r.signals().seen()), wakeAt);
    }

    @Override
    public synchronized SignalDelivery deliverSignal(SignalRecord signal, long now) {
        SignalRecord earlier = signals.get(signal.signalId());
        if (earlier != null) {
            return earlier.sagaId().equals(signal.sagaId()) && earlier.name().equals(signal.name())
                    ? SignalDelivery.DUPLICATE : SignalDelivery.ID_TAKEN;
        }
        SagaRecord r = rows.get(signal.sagaId());
        if (r == null) {
            return SignalDelivery.NOT_FOUND;
        }
        if (r.state().isTerminal()) {
            return SignalDelivery.FINISHED;
        }
        signals.put(signal.signalId(), signal);
        inboxes.computeIfAbsent(signal.sagaId(), id -> new LinkedHashMap<>()).put(signal.signalId(), signal);
        boolean held = r.lease().live(now);
        Long wakeAt = !held && (r.wakeAt() == null || r.wakeAt() > now) ? Long.valueOf(now) : r.wakeAt();
        rows.put(r.id(), r.withSignals(new SagaRecord.Signals(r.signals().received() + 1, r.signals().seen()), wakeAt));
        return SignalDelivery.DELIVERED;
    }

    @Override
    public synchronized Inbox inbox(String sagaId) {
        SagaRecord r = rows.get(sagaId);
        Map<String, SignalRecord> pending = inboxes.getOrDefault(sagaId, Map.of());
        return new Inbox(r == null ? 0 : r.signals().received(), List.copyOf(pending.values()));
    }

    @Override
    public synchronized List<String> signalledInstances(String owner) {
        return rows.values().stream()
                .filter(r -> owner.equals(r.owner()) && r.signals().pending())
                .map(SagaRecord::id)
                .toList();
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
            SagaRecord mine = r.leased(new SagaRecord.Lease(nodeId, leaseUntil), r.version() + 1);
            rows.put(r.id(), mine);
            claimed.add(mine);
        }
        return claimed;
    }

    @Override
    public synchronized void renewLeases(String nodeId, Collection<String> ids, long leaseUntil) {
        for (String id : ids) {
            rows.computeIfPresent(id, (k, r) -> nodeId.equals(r.owner()) ? r.leased(new SagaRecord.Lease(nodeId, leaseUntil), r.version()) : r);
        }
    }

    @Override
    public synchronized void releaseLeases(String nodeId) {
        rows.replaceAll((id, r) -> nodeId.equals(r.owner()) ? r.leased(SagaRecord.Lease.NONE, r.version()) : r);
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
        return histories.getOrDefault(id, List.of()).stream().map(RunEntry::event).toList();
    }

    @Override
    public synchronized List<SagaRecord> list(SagaQuery query) {
        return rows.values().stream()
                .filter(r -> query.states().isEmpty() || query.states().contains(r.state()))
                .filter(r -> query.sagaName() == null || query.sagaName().equals(r.sagaName()))
                .filter(r -> !query.flagged() || r.flag() != null)
                .filter(r -> query.correlationId() == null || query.correlationId().equals(r.correlationId()))
                .filter(r -> query.idempotencyKey() == null || query.idempotencyKey().equals(r.idempotencyKey()))
                .filter(r -> query.createdInRange(r.createdAt()))
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
    public synchronized DueWork dueWork(Collection<String> sagaNames, long now, int cap) {
        List<Long> due = rows.values().stream()
                .filter(r -> r.wakeAt() != null && r.wakeAt() <= now && sagaNames.contains(r.sagaName())
                        && (r.owner() == null || r.leaseUntil() == null || r.leaseUntil() < now))
                .map(SagaRecord::wakeAt).sorted().limit(cap).toList();
        return due.isEmpty() ? DueWork.NONE : new DueWork(due.size(), due.getFirst());
    }

    @Override
    public synchronized Map<String, Map<SagaState, Long>> countByNameAndState() {
        Map<String, Map<SagaState, Long>> counts = new java.util.TreeMap<>();
        for (SagaRecord r : rows.values()) {
            counts.computeIfAbsent(r.sagaName(), n -> new EnumMap<>(SagaState.class)).merge(r.state(), 1L, Long::sum);
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

    @Override
    public synchronized ScheduleRecord registerSchedule(ScheduleRecord wanted, long now) {
        ScheduleRecord stored = ScheduleRecord.registered(schedules.get(wanted.name()), wanted, now);
        schedules.put(stored.name(), stored);
        return stored;
    }

    @Override
    public synchronized List<ScheduleRecord> schedules() {
        return List.copyOf(schedules.values());
    }

    @Override
    public synchronized TickClaim claimTick(String scheduleName, long expectedLastTick, long tick, StoreWrite.Insert start) {
        if (!movable(scheduleName, expectedLastTick, tick)) {
            return TickClaim.stale();
        }
        // Checked before the tick moves: an insert refused for its content (it throws) leaves all as it was.
        WriteResult refusal = check(start);
        moveLastTick(scheduleName, tick);
        if (refusal != null) {
            return TickClaim.alreadyStarted(refusal.existingId());
        }
        apply(start);
        return TickClaim.started(start.record().id());
    }

    @Override
    public synchronized boolean skipTicks(String scheduleName, long expectedLastTick, long upTo) {
        if (!movable(scheduleName, expectedLastTick, upTo)) {
            return false;
        }
        moveLastTick(scheduleName, upTo);
        return true;
    }

    private boolean movable(String scheduleName, long expectedLastTick, long tick) {
        ScheduleRecord stored = schedules.get(scheduleName);
        return stored != null && stored.lastTick() == expectedLastTick && tick > expectedLastTick;
    }

    private void moveLastTick(String scheduleName, long tick) {
        ScheduleRecord s = schedules.get(scheduleName);
        schedules.put(scheduleName, new ScheduleRecord(s.name(), s.cron(), s.zone(), s.sagaName(), s.missedTicks(), tick,
                s.updatedAt()));
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
