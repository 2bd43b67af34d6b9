package dev.sagaflow.spi;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link SagaStore} must do, whatever it stores into. A store module extends this class
 * and supplies a fresh, empty store per test.
 */
public abstract class SagaStoreContract {
    private static final long T0 = 1_700_000_000_000L;
    private static final Set<String> NAMES = Set.of("order");

    protected SagaStore store;

    /** A new, empty store for one test. */
    protected abstract SagaStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
        store.open("node-a");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static SagaRecord row(String id, String key) {
        return row(id, key, T0);
    }

    private static SagaRecord row(String id, String key, long createdAt) {
        SagaRecord r = SagaRecord.newInstance(id, "order", 3, key, "corr-" + key, "{\"sku\":\"A-1\",\"qty\":2}",
                createdAt, T0 + 60_000).toBuilder().wakeAt(T0).historySize(1).build();
        return r.stamped(new SagaRecord.Fence(1, "w-" + id, 1), new SagaRecord.Lease("node-a", T0 + 30_000), createdAt);
    }

    /** The record as written at {@code version}. */
    protected static SagaRecord at(SagaRecord r, long version) {
        return r.stamped(new SagaRecord.Fence(version, r.writeId(), r.historySize()), r.lease(), r.updatedAt());
    }

    protected static SagaRecord leasedTo(SagaRecord r, String owner, Long until) {
        return r.stamped(r.fence(), new SagaRecord.Lease(owner, until), r.updatedAt());
    }

    private static SagaRecord other(String sagaName, String key, SagaState state, Long wakeAt, long createdAt) {
        return at(SagaRecord.newInstance(newId(), sagaName, 1, key, null, "{}", createdAt, null).toBuilder()
                .state(state).wakeAt(wakeAt).build(), 1);
    }

    private static HistoryEvent event(int seq, HistoryEventType type, String step) {
        return new HistoryEvent(seq, Instant.ofEpochMilli(T0 + seq), type, step, step == null ? 0 : 1,
                Duration.ofNanos(1_234_000), step == null ? null : "detail " + seq);
    }

    private WriteResult insert(SagaRecord r) {
        return store.write(List.of(new StoreWrite.Insert(r, List.of(event(1, HistoryEventType.SAGA_STARTED, null)))))
                .getFirst();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void anInsertedInstanceReadsBackFieldForField() {
        SagaRecord r = row(newId(), "k1").toBuilder().toCompensate(List.of(0, 2, 1)).outcomeUnknown(true)
                .cancelRequested(true).failure("card declined").build();
        assertThat(insert(r).isApplied()).isTrue();

        assertThat(store.find(r.id())).contains(r);
        assertThat(store.findByIdempotencyKey("order", "k1")).contains(r);
        assertThat(store.find("missing")).isEmpty();
        assertThat(store.findByIdempotencyKey("order", "missing")).isEmpty();
    }

    @Test
    void nullableFieldsStayNull() {
        SagaRecord r = at(SagaRecord.newInstance(newId(), "order", 1, "k", null, "{}", T0, null).toBuilder()
                .state(SagaState.COMPLETED).step(4).wakeAt(null).build(), 7);
        insert(r);
        assertThat(store.find(r.id())).contains(r);
    }

    @Test
    void aSecondInsertWithTheSameKeyIsRefusedAndNamesTheHolder() {
        SagaRecord first = row(newId(), "same-key");
        SagaRecord second = row(newId(), "same-key").toBuilder().data("{\"other\":true}").build();
        insert(first);

        WriteResult result = insert(second);

        assertThat(result.isApplied()).isFalse();
        assertThat(result.existingId()).isEqualTo(first.id());
        assertThat(store.find(second.id())).isEmpty();
        assertThat(store.find(first.id())).contains(first);
        assertThat(store.history(first.id())).hasSize(1);
        assertThat(store.history(second.id())).isEmpty();
    }

    @Test
    void theSameKeyUnderAnotherSagaNameIsAnotherInstance() {
        SagaRecord order = row(newId(), "k");
        SagaRecord refund = other("refund", "k", SagaState.STARTED, T0, T0);
        assertThat(insert(order).isApplied()).isTrue();
        assertThat(insert(refund).isApplied()).isTrue();
    }

    @Test
    void anUpdateAtTheExpectedVersionAppliesAndAppendsHistory() {
        SagaRecord r = row(newId(), "k");
        insert(r);
        SagaRecord next = at(r.toBuilder().state(SagaState.RUNNING).step(1).toCompensate(List.of(0))
                .historySize(2).data("{\"sku\":\"A-1\",\"qty\":2,\"charge\":\"c-9\"}").build(), 2);

        List<WriteResult> results = store.write(List.of(new StoreWrite.Update(next, 1,
                List.of(event(2, HistoryEventType.STEP_SUCCEEDED, "reserve")))));

        assertThat(results).containsExactly(WriteResult.ok());
        assertThat(store.find(r.id())).contains(next);
        assertThat(store.history(r.id())).extracting(HistoryEvent::seq, HistoryEvent::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, HistoryEventType.SAGA_STARTED),
                        org.assertj.core.groups.Tuple.tuple(2, HistoryEventType.STEP_SUCCEEDED));
    }

    @Test
    void historyEntriesReadBackWithTheirFields() {
        SagaRecord r = row(newId(), "k");
        HistoryEvent withEverything = event(2, HistoryEventType.STEP_FAILED, "charge");
        insert(r);
        store.write(List.of(new StoreWrite.Update(at(r.toBuilder().historySize(2).build(), 2), 1,
                List.of(withEverything))));

        List<HistoryEvent> history = store.history(r.id());

        assertThat(history).hasSize(2);
        assertThat(history.get(0).step()).isNull();
        assertThat(history.get(0).detail()).isNull();
        HistoryEvent read = history.get(1);
        assertThat(read.at()).isEqualTo(withEverything.at());
        assertThat(read.step()).isEqualTo("charge");
        assertThat(read.attempt()).isEqualTo(1);
        assertThat(read.duration()).isEqualTo(Duration.ofNanos(1_234_000));
        assertThat(read.detail()).isEqualTo("detail 2");
    }

    @Test
    void aStaleUpdateIsRefusedAndNothingOfItIsApplied() {
        SagaRecord r = row(newId(), "k");
        insert(r);
        SagaRecord stale = at(r.toBuilder().state(SagaState.FAILED).historySize(2).build(), 6);

        List<WriteResult> results = store.write(List.of(new StoreWrite.Update(stale, 5,
                List.of(event(2, HistoryEventType.SAGA_FAILED, null)))));

        assertThat(results).containsExactly(WriteResult.stale());
        assertThat(store.find(r.id())).contains(r);
        assertThat(store.history(r.id())).hasSize(1);
    }

    @Test
    void anUpdateOfAnUnknownInstanceIsRefused() {
        SagaRecord ghost = row(newId(), "ghost");
        assertThat(store.write(List.of(new StoreWrite.Update(ghost, 0, List.of())))).containsExactly(WriteResult.stale());
        assertThat(store.find(ghost.id())).isEmpty();
    }

    @Test
    void eachWriteOfABatchStandsOnItsOwnAndResultsComeInOrder() {
        SagaRecord a = row(newId(), "a");
        SagaRecord b = row(newId(), "b");
        SagaRecord taken = row(newId(), "a");
        insert(a);
        insert(b);

        List<WriteResult> results = store.write(List.of(
                new StoreWrite.Update(at(a.toBuilder().attemptsMade(1).build(), 2), 1, List.of()),
                new StoreWrite.Update(at(b.toBuilder().attemptsMade(1).build(), 9), 8, List.of()),
                new StoreWrite.Insert(taken, List.of()),
                new StoreWrite.Insert(row(newId(), "c"), List.of())));

        assertThat(results).containsExactly(WriteResult.ok(), WriteResult.stale(), WriteResult.conflict(a.id()),
                WriteResult.ok());
        assertThat(store.find(a.id()).orElseThrow().attemptsMade()).isEqualTo(1);
        assertThat(store.find(b.id()).orElseThrow().attemptsMade()).isZero();
        assertThat(store.findByIdempotencyKey("order", "c")).isPresent();
    }

    @Test
    void claimTakesOnlyDueUnleasedInstancesOfTheNamedSagasEarliestFirst() {
        SagaRecord late = unowned(newId(), "late", T0 + 500);
        SagaRecord early = unowned(newId(), "early", T0 + 100);
        SagaRecord future = unowned(newId(), "future", T0 + 5_000);
        SagaRecord terminal = unowned(newId(), "done", null);
        SagaRecord leased = leasedTo(row(newId(), "leased"), "node-b", T0 + 10_000);
        SagaRecord expired = leasedTo(row(newId(), "expired").toBuilder().wakeAt(T0 + 300).build(), "node-b", T0 + 900);
        SagaRecord otherSaga = other("refund", "r", SagaState.STARTED, T0, T0);
        for (SagaRecord r : List.of(late, early, future, terminal, leased, expired, otherSaga)) {
            insert(r);
        }

        long now = T0 + 1_000;
        List<SagaRecord> claimed = store.claimDue("node-a", now, now + 30_000, NAMES, 10);

        assertThat(claimed).extracting(SagaRecord::idempotencyKey).containsExactlyInAnyOrder("early", "expired", "late");
        for (SagaRecord r : claimed) {
            assertThat(r.owner()).isEqualTo("node-a");
            assertThat(r.leaseUntil()).isEqualTo(now + 30_000);
            assertThat(r.version()).isEqualTo(2);
            assertThat(store.find(r.id())).contains(r);
        }
        assertThat(store.claimDue("node-c", now, now + 30_000, NAMES, 10)).isEmpty();
    }

    @Test
    void claimRespectsItsLimitAndTakesTheEarliest() {
        for (int i = 0; i < 5; i++) {
            insert(unowned(newId(), "k" + i, T0 + 10 * (5 - i)));
        }
        List<SagaRecord> claimed = store.claimDue("node-a", T0 + 100, T0 + 1_000, NAMES, 2);
        assertThat(claimed).extracting(SagaRecord::idempotencyKey).containsExactlyInAnyOrder("k4", "k3");
    }

    @Test
    void aClaimFencesTheWriterThatHeldTheVersionBefore() {
        SagaRecord r = unowned(newId(), "k", T0);
        insert(r);
        store.claimDue("node-b", T0 + 1, T0 + 30_000, NAMES, 10);

        List<WriteResult> late = store.write(List.of(new StoreWrite.Update(
                at(r.toBuilder().state(SagaState.COMPLETED).build(), 2), 1, List.of())));

        assertThat(late).containsExactly(WriteResult.stale());
        assertThat(store.find(r.id()).orElseThrow().owner()).isEqualTo("node-b");
    }

    @Test
    void leasesAreRenewedAndReleasedOnlyForTheirOwner() {
        SagaRecord mine = unowned(newId(), "mine", T0);
        SagaRecord theirs = unowned(newId(), "theirs", T0);
        insert(mine);
        insert(theirs);
        store.claimDue("node-a", T0, T0 + 100, Set.of("order"), 1);
        SagaRecord claimedByA = store.list(SagaQuery.all()).stream().filter(r -> "node-a".equals(r.owner()))
                .findFirst().orElseThrow();
        store.claimDue("node-b", T0, T0 + 100, NAMES, 1);

        store.renewLeases("node-a", List.of(claimedByA.id()), T0 + 5_000);
        assertThat(store.find(claimedByA.id()).orElseThrow().leaseUntil()).isEqualTo(T0 + 5_000);
        String claimedByB = store.list(SagaQuery.all()).stream().filter(r -> "node-b".equals(r.owner()))
                .findFirst().orElseThrow().id();
        store.renewLeases("node-a", List.of(claimedByB), T0 + 9_000);
        assertThat(store.list(SagaQuery.all()).stream().filter(r -> "node-b".equals(r.owner())).findFirst()
                .orElseThrow().leaseUntil()).isEqualTo(T0 + 100);

        store.releaseLeases("node-a");
        SagaRecord released = store.find(claimedByA.id()).orElseThrow();
        assertThat(released.owner()).isNull();
        assertThat(released.leaseUntil()).isNull();
        assertThat(store.list(SagaQuery.all()).stream().filter(r -> "node-b".equals(r.owner()))).hasSize(1);
    }

    @Test
    void nextWakeAtIsTheEarliestDueTimeNobodyHolds() {
        assertThat(store.nextWakeAt(NAMES)).isEmpty();
        insert(unowned(newId(), "a", T0 + 700));
        insert(unowned(newId(), "b", T0 + 300));
        insert(unowned(newId(), "c", null));
        insert(row(newId(), "held").toBuilder().wakeAt(T0 + 1).build());

        assertThat(store.nextWakeAt(NAMES)).contains(T0 + 300);
        assertThat(store.nextWakeAt(Set.of("refund"))).isEmpty();
    }

    @Test
    void listFiltersByStateAndNameNewestFirstInPages() {
        for (int i = 0; i < 7; i++) {
            SagaState state = i % 2 == 0 ? SagaState.COMPLETED : SagaState.FAILED;
            insert(row(newId(), "k" + i, T0 + i).toBuilder().state(state).build());
        }
        insert(other("refund", "r", SagaState.COMPLETED, null, T0 + 100));

        assertThat(store.list(SagaQuery.all().withSagaName("order").withStates(SagaState.COMPLETED)))
                .extracting(SagaRecord::idempotencyKey).containsExactly("k6", "k4", "k2", "k0");
        SagaQuery firstPage = SagaQuery.all().withSagaName("order").page(0, 3);
        assertThat(store.list(firstPage)).extracting(SagaRecord::idempotencyKey).containsExactly("k6", "k5", "k4");
        assertThat(store.list(firstPage.next())).extracting(SagaRecord::idempotencyKey).containsExactly("k3", "k2", "k1");
        assertThat(store.list(firstPage.next().next())).extracting(SagaRecord::idempotencyKey).containsExactly("k0");
        assertThat(store.list(SagaQuery.all().withStates(SagaState.COMPLETED, SagaState.FAILED))).hasSize(8);
        assertThat(store.list(SagaQuery.all().withStates(SagaState.WAITING))).isEmpty();
    }

    @Test
    void theFlagIsStoredAndListsTheFlaggedOnly() {
        SagaRecord plain = row(newId(), "plain", T0);
        SagaRecord retrying = row(newId(), "retrying", T0 + 1).toBuilder().flag("RETRYING").build();
        insert(plain);
        insert(retrying);

        assertThat(store.find(retrying.id()).orElseThrow().flag()).isEqualTo("RETRYING");
        assertThat(store.list(SagaQuery.all().flaggedOnly())).extracting(SagaRecord::id).containsExactly(retrying.id());
        SagaRecord cleared = at(retrying.toBuilder().flag(null).build(), retrying.version() + 1);
        assertThat(store.write(List.of(new StoreWrite.Update(cleared, retrying.version(), List.of()))).get(0).isApplied())
                .isTrue();
        assertThat(store.list(SagaQuery.all().flaggedOnly())).isEmpty();
        assertThat(store.find(plain.id()).orElseThrow().flag()).isNull();
    }

    @Test
    void countsByStateOfOneSagaOrOfAll() {
        assertThat(store.countByState(null)).isEmpty();
        insert(row(newId(), "a"));
        insert(row(newId(), "b").toBuilder().state(SagaState.COMPLETED).build());
        insert(row(newId(), "c").toBuilder().state(SagaState.COMPLETED).build());
        insert(other("refund", "r", SagaState.FAILED, null, T0));

        assertThat(store.countByState("order")).containsOnly(
                java.util.Map.entry(SagaState.STARTED, 1L), java.util.Map.entry(SagaState.COMPLETED, 2L));
        assertThat(store.countByState(null)).containsEntry(SagaState.FAILED, 1L).hasSize(3);
    }

    @Test
    void anAwaitedReplyIdReadsBack() {
        SagaRecord r = row(newId(), "k");
        insert(r);
        SagaRecord waiting = at(r.toBuilder().state(SagaState.WAITING)
                .await(new SagaRecord.Wait(SagaRecord.WaitKind.REPLY, "m-42", T0 + 5_000)).build(), 2);
        store.write(List.of(new StoreWrite.Update(waiting, 1, List.of())));
        assertThat(store.find(r.id()).orElseThrow().awaitedReply()).isEqualTo("m-42");
        assertThat(store.find(r.id())).contains(waiting);
    }

    private static Message message(String sagaId, String n) {
        return new Message("msg-" + n + "-" + sagaId.substring(0, 8), "inventory.commands", "ReserveStock", sagaId,
                "corr-" + n, Map.of("sagaflow-reply-to", "sagaflow.replies", "traceparent", "00-abc"),
                "{\"sku\":\"A-" + n + "\"}");
    }

    @Test
    void messagesOfAnAppliedWriteEnterTheOutboxAndThoseOfARefusedWriteDoNot() {
        SagaRecord r = row(newId(), "k");
        Message onInsert = message(r.id(), "1");
        store.write(List.of(new StoreWrite.Insert(r, List.of(), List.of(onInsert))));
        Message applied = message(r.id(), "2");
        Message refused = message(r.id(), "3");

        store.write(List.of(
                new StoreWrite.Update(at(r, 2), 1, List.of(), List.of(applied)),
                new StoreWrite.Update(at(r, 9), 8, List.of(), List.of(refused))));

        List<Message> claimed = store.claimOutbox("node-a", T0, T0 + 30_000, 10);
        assertThat(claimed).containsExactlyInAnyOrder(onInsert, applied);
    }

    @Test
    void outboxMessagesAreClaimedUnderALeaseAndGoneOnceDeleted() {
        SagaRecord r = row(newId(), "k");
        Message first = message(r.id(), "1");
        Message second = message(r.id(), "2");
        Message third = message(r.id(), "3");
        store.write(List.of(new StoreWrite.Insert(r, List.of(), List.of(first, second, third))));

        List<Message> a = store.claimOutbox("node-a", T0, T0 + 30_000, 2);
        List<Message> b = store.claimOutbox("node-b", T0 + 1, T0 + 30_000, 10);
        assertThat(a).hasSize(2);
        assertThat(b).hasSize(1).doesNotContainAnyElementsOf(a);
        assertThat(store.claimOutbox("node-c", T0 + 2, T0 + 30_000, 10)).as("all leased").isEmpty();

        store.deleteOutbox(a.stream().map(Message::id).toList());
        List<Message> afterExpiry = store.claimOutbox("node-c", T0 + 30_001, T0 + 60_000, 10);
        assertThat(afterExpiry).as("only the unsent one, once its lease ran out").containsExactlyElementsOf(b);
    }


    private static SignalRecord signal(String id, String sagaId, String name, long at) {
        return new SignalRecord(id, sagaId, name, "{\"approved\":true}", at);
    }

    @Test
    void aSignalIsKeptOncePerIdInDeliveryOrder() {
        SagaRecord r = unowned(newId(), "k", T0 + 60_000);
        insert(r);
        String first = "sig-" + newId();
        String second = "sig-" + newId();

        assertThat(store.deliverSignal(signal(first, r.id(), "decision", T0 + 1), T0 + 1)).isEqualTo(SignalDelivery.DELIVERED);
        assertThat(store.deliverSignal(signal(second, r.id(), "note", T0 + 2), T0 + 2)).isEqualTo(SignalDelivery.DELIVERED);
        assertThat(store.deliverSignal(signal(first, r.id(), "decision", T0 + 3), T0 + 3)).isEqualTo(SignalDelivery.DUPLICATE);
        assertThat(store.deliverSignal(signal(first, r.id(), "other-name", T0 + 4), T0 + 4)).isEqualTo(SignalDelivery.ID_TAKEN);
        assertThat(store.deliverSignal(signal("sig-" + newId(), "no-such-saga", "decision", T0), T0))
                .isEqualTo(SignalDelivery.NOT_FOUND);

        Inbox inbox = store.inbox(r.id());
        assertThat(inbox.received()).isEqualTo(2);
        assertThat(inbox.pending()).extracting(SignalRecord::signalId).containsExactly(first, second);
        assertThat(inbox.pending().get(0)).isEqualTo(signal(first, r.id(), "decision", T0 + 1));
        assertThat(store.find(r.id()).orElseThrow().signals()).isEqualTo(new SagaRecord.Signals(2, 0));
    }

    @Test
    void aSignalToAFinishedInstanceChangesNothing() {
        SagaRecord done = unowned(newId(), "k", null).toBuilder().state(SagaState.COMPLETED).build();
        insert(done);

        assertThat(store.deliverSignal(signal("sig-" + newId(), done.id(), "decision", T0), T0)).isEqualTo(SignalDelivery.FINISHED);

        assertThat(store.inbox(done.id()).pending()).isEmpty();
        assertThat(store.find(done.id())).contains(done);
    }

    @Test
    void deliveryWakesAnInstanceNobodyHoldsAndNamesOneThatIsHeld() {
        SagaRecord idle = unowned(newId(), "idle", T0 + 60_000);
        SagaRecord held = leasedTo(row(newId(), "held").toBuilder().wakeAt(T0 + 60_000).build(), "node-a", T0 + 30_000);
        insert(idle);
        insert(held);

        store.deliverSignal(signal("sig-" + newId(), idle.id(), "decision", T0 + 5), T0 + 5);
        store.deliverSignal(signal("sig-" + newId(), held.id(), "decision", T0 + 5), T0 + 5);

        SagaRecord woken = store.find(idle.id()).orElseThrow();
        assertThat(woken.wakeAt()).isEqualTo(T0 + 5);
        assertThat(woken.version()).as("delivery fences no writer").isEqualTo(idle.version());
        assertThat(store.find(held.id()).orElseThrow().wakeAt()).as("its holder sees it").isEqualTo(T0 + 60_000);
        assertThat(store.signalledInstances("node-a")).containsExactly(held.id());
        assertThat(store.signalledInstances("node-b")).isEmpty();
    }

    @Test
    void aWriteThatHasNotSeenEverySignalLeavesTheInstanceDue() {
        SagaRecord r = leasedTo(row(newId(), "k"), "node-a", T0 + 30_000);
        insert(r);
        store.deliverSignal(signal("sig-" + newId(), r.id(), "decision", T0 + 1), T0 + 1);

        SagaRecord waits = at(r.toBuilder().state(SagaState.WAITING).wakeAt(T0 + 50_000).updatedAt(T0 + 10).build(), 2);
        waits = waits.stamped(waits.fence(), SagaRecord.Lease.NONE, T0 + 10);
        assertThat(store.write(List.of(new StoreWrite.Update(waits, 1, List.of())))).containsExactly(WriteResult.ok());
        SagaRecord stored = store.find(r.id()).orElseThrow();
        assertThat(stored.wakeAt()).as("made due at the write's time").isEqualTo(T0 + 10);
        assertThat(stored.signals()).as("the count is the store's").isEqualTo(new SagaRecord.Signals(1, 0));
        assertThat(store.signalledInstances("node-a")).isEmpty();

        SagaRecord sawIt = at(stored.toBuilder().signalsSeen(1).wakeAt(T0 + 50_000).build(), 3);
        store.write(List.of(new StoreWrite.Update(sawIt, 2, List.of())));
        assertThat(store.find(r.id()).orElseThrow().wakeAt()).isEqualTo(T0 + 50_000);

        store.deliverSignal(signal("sig-" + newId(), r.id(), "decision", T0 + 20), T0 + 20);
        SagaRecord ends = at(store.find(r.id()).orElseThrow().toBuilder().state(SagaState.COMPLETED).wakeAt(null).build(), 4);
        store.write(List.of(new StoreWrite.Update(ends, 3, List.of())));
        assertThat(store.find(r.id()).orElseThrow().wakeAt()).as("a terminal row is never due").isNull();
    }

    @Test
    void consumedSignalsLeaveTheInboxOnlyWithAnAppliedWrite() {
        SagaRecord r = unowned(newId(), "k", T0);
        insert(r);
        String first = "sig-" + newId();
        String second = "sig-" + newId();
        store.deliverSignal(signal(first, r.id(), "decision", T0), T0);
        store.deliverSignal(signal(second, r.id(), "decision", T0), T0);

        assertThat(store.write(List.of(new StoreWrite.Update(at(r, 9), 8, List.of(), List.of(), List.of(first)))))
                .containsExactly(WriteResult.stale());
        assertThat(store.inbox(r.id()).pending()).extracting(SignalRecord::signalId).containsExactly(first, second);

        SagaRecord took = at(r.toBuilder().signalsSeen(2).build(), 2);
        assertThat(store.write(List.of(new StoreWrite.Update(took, 1, List.of(), List.of(), List.of(first)))))
                .containsExactly(WriteResult.ok());
        assertThat(store.inbox(r.id()).pending()).extracting(SignalRecord::signalId).containsExactly(second);
        assertThat(store.deliverSignal(signal(first, r.id(), "decision", T0), T0))
                .as("a consumed signal's id stays taken").isEqualTo(SignalDelivery.DUPLICATE);
        assertThat(store.inbox(r.id()).received()).isEqualTo(2);
    }

    @Test
    void aGroupIsAppliedAllOrNone() {
        SagaRecord parent = row(newId(), "parent");
        insert(parent);
        SagaRecord child = row(newId(), "child");
        Message sent = message(child.id(), "1");

        StoreWrite.Group refusedByVersion = new StoreWrite.Group(List.of(
                new StoreWrite.Insert(child, List.of(event(1, HistoryEventType.SAGA_STARTED, null)), List.of(sent)),
                new StoreWrite.Update(at(parent.toBuilder().state(SagaState.WAITING).build(), 6), 5, List.of())));
        StoreWrite.Group refusedByKey = new StoreWrite.Group(List.of(
                new StoreWrite.Update(at(parent.toBuilder().state(SagaState.WAITING).build(), 2), 1, List.of()),
                new StoreWrite.Insert(row(newId(), "parent"), List.of())));
        SagaRecord moved = at(parent.toBuilder().state(SagaState.WAITING).historySize(2).build(), 2);
        StoreWrite.Group applies = new StoreWrite.Group(List.of(
                new StoreWrite.Insert(child, List.of(event(1, HistoryEventType.SAGA_STARTED, null)), List.of(sent)),
                new StoreWrite.Update(moved, 1, List.of(event(2, HistoryEventType.STEP_SUCCEEDED, "spawn")))));
        SagaRecord alone = row(newId(), "alone");

        List<WriteResult> results = store.write(List.of(refusedByVersion, refusedByKey, new StoreWrite.Insert(alone, List.of())));
        assertThat(results).containsExactly(WriteResult.stale(), WriteResult.conflict(parent.id()), WriteResult.ok());
        assertThat(store.find(child.id())).isEmpty();
        assertThat(store.find(parent.id())).contains(parent);
        assertThat(store.claimOutbox("node-a", T0, T0 + 1_000, 10)).isEmpty();
        assertThat(store.find(alone.id())).as("the rest of the batch stands").isPresent();

        assertThat(store.write(List.of(applies))).containsExactly(WriteResult.ok());
        assertThat(store.find(child.id())).contains(child);
        assertThat(store.find(parent.id())).contains(moved);
        assertThat(store.history(parent.id())).hasSize(2);
        assertThat(store.claimOutbox("node-a", T0, T0 + 1_000, 10)).containsExactly(sent);
    }

    @Test
    void listFiltersByCorrelationId() {
        insert(row(newId(), "a", T0));
        insert(row(newId(), "b", T0 + 1));
        assertThat(store.list(SagaQuery.all().withCorrelationId("corr-b"))).extracting(SagaRecord::idempotencyKey)
                .containsExactly("b");
        assertThat(store.list(SagaQuery.all().withCorrelationId("corr-none"))).isEmpty();
    }

    @Test
    void listFiltersByCreationTimeRangeNewestFirst() {
        for (int i = 0; i < 6; i++) {
            insert(row(newId(), "t" + i, T0 + i * 1_000L));
        }
        SagaQuery range = SagaQuery.all().createdBetween(Instant.ofEpochMilli(T0 + 1_000), Instant.ofEpochMilli(T0 + 4_000));
        assertThat(store.list(range)).extracting(SagaRecord::idempotencyKey).containsExactly("t3", "t2", "t1");
        assertThat(store.list(range.page(1, 2))).extracting(SagaRecord::idempotencyKey).containsExactly("t2", "t1");
        assertThat(store.list(SagaQuery.all().createdBetween(Instant.ofEpochMilli(T0 + 4_000), null)))
                .extracting(SagaRecord::idempotencyKey).containsExactly("t5", "t4");
        assertThat(store.list(SagaQuery.all().createdBetween(null, Instant.ofEpochMilli(T0 + 1))))
                .extracting(SagaRecord::idempotencyKey).containsExactly("t0");
        assertThat(store.list(SagaQuery.all().createdBetween(Instant.ofEpochMilli(T0 + 10_000), null))).isEmpty();
    }

    @Test
    void listFiltersByIdempotencyKeyWithOrWithoutTheSagaName() {
        insert(row(newId(), "shared", T0));
        insert(other("refund", "shared", SagaState.COMPLETED, null, T0 + 1));
        insert(row(newId(), "alone", T0 + 2));

        assertThat(store.list(SagaQuery.all().withIdempotencyKey("shared"))).extracting(SagaRecord::sagaName)
                .containsExactly("refund", "order");
        assertThat(store.list(SagaQuery.all().withIdempotencyKey("shared").withSagaName("order")))
                .extracting(SagaRecord::idempotencyKey, SagaRecord::sagaName).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("shared", "order"));
        assertThat(store.list(SagaQuery.all().withIdempotencyKey("none"))).isEmpty();
    }

    @Test
    void everyFilterAppliesTogether() {
        insert(row(newId(), "a", T0).toBuilder().state(SagaState.COMPENSATION_STALLED).flag("COMPENSATION_STALLED").build());
        insert(row(newId(), "b", T0 + 5_000).toBuilder().state(SagaState.COMPENSATION_STALLED).flag("COMPENSATION_STALLED").build());
        insert(row(newId(), "c", T0 + 5_001).toBuilder().state(SagaState.COMPENSATION_STALLED).build());
        insert(row(newId(), "d", T0 + 5_002).toBuilder().state(SagaState.FAILED).flag("RETRYING").build());

        SagaQuery stalledLately = SagaQuery.all().withSagaName("order").withStates(SagaState.COMPENSATION_STALLED)
                .flaggedOnly().createdBetween(Instant.ofEpochMilli(T0 + 1_000), null);
        assertThat(store.list(stalledLately)).extracting(SagaRecord::idempotencyKey).containsExactly("b");
        assertThat(store.list(stalledLately.withCorrelationId("corr-b").withIdempotencyKey("b")))
                .extracting(SagaRecord::idempotencyKey).containsExactly("b");
        assertThat(store.list(stalledLately.withCorrelationId("corr-a"))).isEmpty();
    }

    @Test
    void countsByNameAndState() {
        assertThat(store.countByNameAndState()).isEmpty();
        insert(row(newId(), "a"));
        insert(row(newId(), "b").toBuilder().state(SagaState.COMPLETED).build());
        insert(row(newId(), "c").toBuilder().state(SagaState.COMPLETED).build());
        insert(other("refund", "r", SagaState.FAILED, null, T0));

        assertThat(store.countByNameAndState()).containsOnlyKeys("order", "refund");
        assertThat(store.countByNameAndState().get("order")).containsOnly(
                Map.entry(SagaState.STARTED, 1L), Map.entry(SagaState.COMPLETED, 2L));
        assertThat(store.countByNameAndState().get("refund")).containsOnly(Map.entry(SagaState.FAILED, 1L));
    }

    @Test
    void everyKindOfWaitReadsBack() {
        for (SagaRecord.WaitKind kind : SagaRecord.WaitKind.values()) {
            SagaRecord r = row(newId(), "k-" + kind).toBuilder().state(SagaState.WAITING).step(2).attemptsMade(3)
                    .await(new SagaRecord.Wait(kind, kind == SagaRecord.WaitKind.SIGNAL ? "decision" : null,
                            kind == SagaRecord.WaitKind.SIGNAL ? null : T0 + 42)).build();
            insert(r);
            assertThat(store.find(r.id())).contains(r);
        }
    }

    @Test
    void theStartContextIsKeptWithTheInstanceAndNeverChanges() {
        String context = "{\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"}";
        SagaRecord r = at(SagaRecord.newInstance(newId(), "order", 1, "ctx", null, "{}", T0, null, context), 1);
        insert(r);
        assertThat(store.find(r.id()).orElseThrow().identity().startContext()).isEqualTo(context);

        store.write(List.of(new StoreWrite.Update(at(r.toBuilder().historySize(2).build(), 2), 1,
                List.of(event(2, HistoryEventType.STEP_SUCCEEDED, "charge")))));
        assertThat(store.find(r.id()).orElseThrow().identity().startContext()).isEqualTo(context);
    }

    @Test
    void aFailuresStackTraceReadsBackWithItsHistoryEntry() {
        SagaRecord r = row(newId(), "k");
        insert(r);
        String trace = "java.lang.IllegalStateException: declined\n\tat shop.Payments.charge(Payments.java:42)\n";
        HistoryEvent failed = new HistoryEvent(2, Instant.ofEpochMilli(T0 + 2), HistoryEventType.STEP_FAILED, "charge", 1,
                Duration.ofMillis(3), "java.lang.IllegalStateException: declined", trace);
        store.write(List.of(new StoreWrite.Update(at(r.toBuilder().historySize(2).build(), 2), 1, List.of(failed))));

        List<HistoryEvent> history = store.history(r.id());
        assertThat(history.get(0).stackTrace()).isNull();
        assertThat(history.get(1)).isEqualTo(failed);
    }

    @Test
    void anAttemptsMetadataReadsBackWithItsHistoryEntry() {
        SagaRecord r = row(newId(), "k");
        insert(r);
        String metadata = "{\"model\":\"gpt-x\",\"tokens\":1234,\"score\":0.75,\"note\":\"caf\u00e9 \\u0000 \u2713\"}";
        HistoryEvent succeeded = new HistoryEvent(2, Instant.ofEpochMilli(T0 + 2), HistoryEventType.STEP_SUCCEEDED, "draft", 1,
                Duration.ofMillis(3), null, null, metadata);
        HistoryEvent failed = new HistoryEvent(3, Instant.ofEpochMilli(T0 + 3), HistoryEventType.STEP_FAILED, "draft", 2,
                Duration.ofMillis(4), "invalid output: empty", "trace", "{\"$dropped\":\"over the limit\"}");
        store.write(List.of(new StoreWrite.Update(at(r.toBuilder().historySize(3).build(), 2), 1, List.of(succeeded, failed))));

        List<HistoryEvent> history = store.history(r.id());
        assertThat(history.get(0).metadata()).isNull();
        assertThat(history.get(1)).isEqualTo(succeeded);
        assertThat(history.get(2)).isEqualTo(failed);
    }

    @Test
    void dueWorkIsCountedUpToTheCapOnlyWhereNoLiveLeaseHoldsIt() {
        assertThat(store.dueWork(NAMES, T0 + 1_000, 100)).isEqualTo(DueWork.NONE);
        insert(unowned(newId(), "a", T0 + 100));
        insert(unowned(newId(), "b", T0 + 200));
        insert(unowned(newId(), "later", T0 + 5_000));
        insert(unowned(newId(), "waits-for-a-signal", null));
        insert(row(newId(), "held").toBuilder().wakeAt(T0 + 1).build()); // leased until T0 + 30 s
        insert(leasedTo(row(newId(), "lease-ran-out").toBuilder().wakeAt(T0 + 1).build(), "dead-node", T0 + 500));

        assertThat(store.dueWork(NAMES, T0 + 1_000, 100)).as("the dead node's lapsed lease counts, and is the oldest")
                .isEqualTo(new DueWork(3, T0 + 1));
        assertThat(store.dueWork(NAMES, T0 + 1_000, 2)).isEqualTo(new DueWork(2, T0 + 1));
        assertThat(store.dueWork(NAMES, T0 + 150, 100)).isEqualTo(new DueWork(1, T0 + 100));
        assertThat(store.dueWork(Set.of("refund"), T0 + 1_000, 100)).isEqualTo(DueWork.NONE);
    }

    @Test
    void aChildKeepsItsParentAndTheParentItsJoins() {
        SagaRecord parent = row(newId(), "parent");
        insert(parent);
        SagaRecord child = at(SagaRecord.newInstance(newId(), "order", 1, parent.id() + "/reserve/0", null, "{}", T0,
                null, null, parent.id()), 1);
        String joins = "{\"1\":{\"branches\":[{\"key\":\"0\",\"child\":\"" + child.id() + "\"}]}}";
        SagaRecord waits = at(parent.toBuilder().state(SagaState.WAITING).joins(joins).wakeAt(null).historySize(2).build(), 2);

        assertThat(store.write(List.of(new StoreWrite.Group(List.of(new StoreWrite.Update(waits, 1,
                List.of(event(2, HistoryEventType.STEP_SUCCEEDED, "reserve"))), new StoreWrite.Insert(child, List.of()))))))
                .containsExactly(WriteResult.ok());

        assertThat(store.find(child.id())).contains(child);
        assertThat(store.find(child.id()).orElseThrow().parentId()).isEqualTo(parent.id());
        assertThat(store.find(parent.id())).contains(waits);
        assertThat(store.find(parent.id()).orElseThrow().progress().joins()).isEqualTo(joins);
        assertThat(store.find(parent.id()).orElseThrow().parentId()).isNull();

        SagaRecord cleared = at(waits.toBuilder().joins(null).build(), 3);
        store.write(List.of(new StoreWrite.Update(cleared, 2, List.of())));
        assertThat(store.find(parent.id()).orElseThrow().progress().joins()).isNull();
    }

    @Test
    void anUpdateDeliversToOtherInboxesOnlyWhenItIsApplied() {
        SagaRecord parent = unowned(newId(), "parent", null).toBuilder().state(SagaState.WAITING).build();
        SagaRecord child = at(SagaRecord.newInstance(newId(), "order", 1, "child", null, "{}", T0, null, null,
                parent.id()).toBuilder().wakeAt(T0).build(), 1);
        SagaRecord ended = unowned(newId(), "ended", null).toBuilder().state(SagaState.FAILED).build();
        insert(parent);
        insert(child);
        insert(ended);
        SignalRecord toParent = signal("$child:" + child.id() + ":2", parent.id(), "$child", T0 + 5);
        SignalRecord toEnded = signal("$child:" + child.id() + ":2:x", ended.id(), "$child", T0 + 5);
        SagaRecord childEnds = at(child.toBuilder().state(SagaState.COMPLETED).wakeAt(null).updatedAt(T0 + 5).build(), 2);

        assertThat(store.write(List.of(new StoreWrite.Update(at(childEnds, 9), 8, List.of(), List.of(), List.of(),
                List.of(toParent))))).containsExactly(WriteResult.stale());
        assertThat(store.inbox(parent.id()).pending()).as("a refused write delivers nothing").isEmpty();

        assertThat(store.write(List.of(new StoreWrite.Update(childEnds, 1, List.of(), List.of(), List.of(),
                List.of(toParent, toEnded))))).containsExactly(WriteResult.ok());
        assertThat(store.inbox(parent.id()).pending()).containsExactly(toParent);
        SagaRecord woken = store.find(parent.id()).orElseThrow();
        assertThat(woken.signals().received()).isEqualTo(1);
        assertThat(woken.wakeAt()).as("a parent nobody holds is made due").isNotNull();
        assertThat(store.inbox(ended.id()).pending()).as("an ended instance takes nothing").isEmpty();
        assertThat(store.find(ended.id())).contains(ended);

        SagaRecord again = at(childEnds.toBuilder().updatedAt(T0 + 6).build(), 3);
        assertThat(store.write(List.of(new StoreWrite.Update(again, 2, List.of(), List.of(), List.of(), List.of(toParent)))))
                .containsExactly(WriteResult.ok());
        assertThat(store.inbox(parent.id()).received()).as("one entry per signal id").isEqualTo(1);
    }

    @Test
    void deliveriesOfAGroupMemberGoWithTheGroup() {
        SagaRecord parent = unowned(newId(), "parent", null).toBuilder().state(SagaState.WAITING).build();
        SagaRecord child = unowned(newId(), "child", T0 + 60_000);
        insert(parent);
        insert(child);
        SignalRecord cancel = signal("$cancel:" + child.id(), child.id(), "$cancel", T0 + 5);
        SagaRecord undoing = at(parent.toBuilder().state(SagaState.COMPENSATING).build(), 2);

        StoreWrite.Group refused = new StoreWrite.Group(List.of(
                new StoreWrite.Update(undoing, 1, List.of(), List.of(), List.of(), List.of(cancel)),
                new StoreWrite.Update(at(child, 9), 8, List.of())));
        assertThat(store.write(List.of(refused))).containsExactly(WriteResult.stale());
        assertThat(store.inbox(child.id()).pending()).isEmpty();

        StoreWrite.Group applies = new StoreWrite.Group(List.of(
                new StoreWrite.Update(undoing, 1, List.of(), List.of(), List.of(), List.of(cancel))));
        assertThat(store.write(List.of(applies))).containsExactly(WriteResult.ok());
        assertThat(store.inbox(child.id()).pending()).containsExactly(cancel);
    }

    @Test
    void aNewRunKeepsTheHistoryOfTheRunsItIsToldToKeepAndNoOther() {
        SagaRecord r = row(newId(), "eternal");
        insert(r);
        SagaRecord current = r;
        int seq = 1;
        for (int run = 0; run < 4; run++) {
            SagaRecord looped = at(current.toBuilder().run(run).loops(run + 1).historySize(seq + 2).build(), current.version() + 1);
            Integer keepFrom = run == 0 ? null : Math.max(0, run - 1);
            assertThat(store.write(List.of(new StoreWrite.Update(looped, current.version(),
                    List.of(event(seq + 1, HistoryEventType.STEP_SUCCEEDED, "check"), event(seq + 2, HistoryEventType.STEP_SUCCEEDED, "alert")),
                    List.of(), List.of(), List.of(), keepFrom)))).containsExactly(WriteResult.ok());
            seq += 2;
            current = looped;
        }
        SagaRecord stored = store.find(r.id()).orElseThrow();
        assertThat(stored.progress().run()).isEqualTo(3);
        assertThat(stored.progress().loops()).isEqualTo(4);
        assertThat(store.history(r.id())).extracting(HistoryEvent::seq).as("runs 2 and 3 kept, in order").containsExactly(6, 7, 8, 9);

        SagaRecord refused = at(current.toBuilder().run(9).build(), current.version() + 5);
        assertThat(store.write(List.of(new StoreWrite.Update(refused, current.version() + 4, List.of(), List.of(), List.of(),
                List.of(), 9)))).containsExactly(WriteResult.stale());
        assertThat(store.history(r.id())).as("a refused write prunes nothing").hasSize(4);
    }

    private static SagaRecord unowned(String id, String key, Long wakeAt) {
        return leasedTo(row(id, key).toBuilder().wakeAt(wakeAt).build(), null, null);
    }

    // ---- Schedules: one row per schedule, its last tick moved by compare-and-set with its tick's instance.

    private static final long TICK_1 = T0 + 1_000;
    private static final long TICK_2 = T0 + 2_000;

    private static ScheduleRecord schedule(String cron, String policy) {
        return new ScheduleRecord("nightly", cron, "Europe/Paris", "order", policy, 0, 0);
    }

    private static StoreWrite.Insert tickStart(String id, long tick) {
        return new StoreWrite.Insert(unowned(id, "schedule:nightly:" + Instant.ofEpochMilli(tick), T0),
                List.of(event(1, HistoryEventType.SAGA_STARTED, null)));
    }

    private ScheduleRecord storedSchedule() {
        return store.schedules().stream().filter(s -> s.name().equals("nightly")).findFirst().orElseThrow();
    }

    @Test
    void aScheduleRegisteredAgainUnchangedKeepsItsLastTick() {
        ScheduleRecord first = store.registerSchedule(schedule("0 0 2 * * ?", "SKIP"), T0);
        assertThat(first).isEqualTo(new ScheduleRecord("nightly", "0 0 2 * * ?", "Europe/Paris", "order", "SKIP", T0, T0));
        store.claimTick("nightly", T0, TICK_1, tickStart(newId(), TICK_1));

        ScheduleRecord again = store.registerSchedule(schedule("0 0 2 * * ?", "SKIP"), T0 + 50_000);
        assertThat(again.lastTick()).as("a restart must not forget the ticks it missed").isEqualTo(TICK_1);
        assertThat(storedSchedule()).isEqualTo(again);

        ScheduleRecord runOnce = store.registerSchedule(schedule("0 0 2 * * ?", "RUN_ONCE"), T0 + 60_000);
        assertThat(runOnce).as("a new policy only").isEqualTo(new ScheduleRecord("nightly", "0 0 2 * * ?", "Europe/Paris",
                "order", "RUN_ONCE", TICK_1, T0 + 60_000));
        assertThat(store.schedules()).containsExactly(runOnce);
    }

    @Test
    void aScheduleRedefinedCountsFromTheChangeAndItsLastTickNeverMovesBack() {
        store.registerSchedule(schedule("0 0 2 * * ?", "RUN_ONCE"), T0);
        ScheduleRecord changed = store.registerSchedule(schedule("0 0 3 * * ?", "RUN_ONCE"), T0 + 90_000);
        assertThat(changed).isEqualTo(new ScheduleRecord("nightly", "0 0 3 * * ?", "Europe/Paris", "order", "RUN_ONCE",
                T0 + 90_000, T0 + 90_000));
        store.claimTick("nightly", T0 + 90_000, T0 + 100_000, tickStart(newId(), T0 + 100_000));

        // A node whose clock is behind registers the old cron: the last tick stays where it was.
        ScheduleRecord back = store.registerSchedule(schedule("0 0 2 * * ?", "RUN_ONCE"), T0 + 95_000);
        assertThat(back.cron()).isEqualTo("0 0 2 * * ?");
        assertThat(back.lastTick()).isEqualTo(T0 + 100_000);
        assertThat(storedSchedule()).isEqualTo(back);
    }

    @Test
    void claimingATickMovesTheLastTickAndInsertsItsInstanceTogether() {
        store.registerSchedule(schedule("0 0 2 * * ?", "SKIP"), T0);
        String id = newId();

        TickClaim claim = store.claimTick("nightly", T0, TICK_1, tickStart(id, TICK_1));

        assertThat(claim).isEqualTo(TickClaim.started(id));
        assertThat(storedSchedule().lastTick()).isEqualTo(TICK_1);
        SagaRecord started = store.find(id).orElseThrow();
        assertThat(started.idempotencyKey()).isEqualTo("schedule:nightly:" + Instant.ofEpochMilli(TICK_1));
        assertThat(store.history(id)).hasSize(1);
        assertThat(store.claimDue("node-a", T0 + 1, T0 + 30_000, NAMES, 10)).extracting(SagaRecord::id)
                .as("the new instance is due for any node").containsExactly(id);
    }

    @Test
    void aClaimWithAStaleExpectedTickChangesNothing() {
        store.registerSchedule(schedule("0 0 2 * * ?", "SKIP"), T0);
        String winner = newId();
        assertThat(store.claimTick("nightly", T0, TICK_1, tickStart(winner, TICK_1)).outcome()).isEqualTo(TickClaim.Outcome.STARTED);

        // A second node that read the row before the first claimed: the same tick, then a later one, from T0.
        String late = newId();
        assertThat(store.claimTick("nightly", T0, TICK_1, tickStart(late, TICK_1))).isEqualTo(TickClaim.stale());
        String later = newId();
        assertThat(store.claimTick("nightly", T0, TICK_2, tickStart(later, TICK_2))).isEqualTo(TickClaim.stale());
        assertThat(store.find(late)).isEmpty();
        assertThat(store.find(later)).isEmpty();
        assertThat(storedSchedule().lastTick()).isEqualTo(TICK_1);
        assertThat(store.claimTick("nightly", TICK_1, TICK_1, tickStart(newId(), TICK_1)))
                .as("a tick must come after the last one").isEqualTo(TickClaim.stale());
        assertThat(store.claimTick("unknown", T0, TICK_1, tickStart(newId(), TICK_1))).isEqualTo(TickClaim.stale());
        assertThat(store.countByState("order").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
    }

    @Test
    void aClaimWhoseInsertIsRefusedLeavesTheLastTickWhereItWas() {
        store.registerSchedule(schedule("0 0 2 * * ?", "SKIP"), T0);
        SagaRecord existing = row(newId(), "someone-else's");
        insert(existing);

        // The tick's instance reuses an existing id: the store refuses the insert, so the tick must not move.
        StoreWrite.Insert clash = new StoreWrite.Insert(unowned(existing.id(), "schedule:nightly:" + Instant.ofEpochMilli(TICK_1), T0),
                List.of(event(1, HistoryEventType.SAGA_STARTED, null)));
        assertThatThrownBy(() -> store.claimTick("nightly", T0, TICK_1, clash)).isInstanceOf(RuntimeException.class);

        assertThat(storedSchedule().lastTick()).isEqualTo(T0);
        assertThat(store.findByIdempotencyKey("order", "schedule:nightly:" + Instant.ofEpochMilli(TICK_1))).isEmpty();
        assertThat(store.find(existing.id())).contains(existing);
        String id = newId();
        assertThat(store.claimTick("nightly", T0, TICK_1, tickStart(id, TICK_1))).as("and the tick can still be claimed")
                .isEqualTo(TickClaim.started(id));
    }

    @Test
    void aClaimForATickWhoseInstanceExistsMovesTheTickAndNamesTheInstance() {
        store.registerSchedule(schedule("0 0 2 * * ?", "SKIP"), T0);
        StoreWrite.Insert first = tickStart(newId(), TICK_1);
        insert(first.record()); // started by hand with the tick's key

        TickClaim claim = store.claimTick("nightly", T0, TICK_1, tickStart(newId(), TICK_1));

        assertThat(claim).isEqualTo(TickClaim.alreadyStarted(first.record().id()));
        assertThat(storedSchedule().lastTick()).isEqualTo(TICK_1);
        assertThat(store.countByState("order").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
    }

    @Test
    void skippingTicksIsACompareAndSetToo() {
        store.registerSchedule(schedule("0 0 2 * * ?", "SKIP"), T0);
        assertThat(store.skipTicks("nightly", T0, TICK_2)).isTrue();
        assertThat(store.skipTicks("nightly", T0, TICK_2 + 1_000)).as("stale").isFalse();
        assertThat(store.skipTicks("nightly", TICK_2, TICK_1)).as("backwards").isFalse();
        assertThat(storedSchedule().lastTick()).isEqualTo(TICK_2);
        assertThat(store.countByState("order")).isEmpty();
    }
}
