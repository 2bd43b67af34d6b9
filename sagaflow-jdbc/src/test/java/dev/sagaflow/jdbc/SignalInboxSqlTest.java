package dev.sagaflow.jdbc;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SagaState;
import dev.sagaflow.spi.Inbox;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.SignalDelivery;
import dev.sagaflow.spi.SignalRecord;
import dev.sagaflow.spi.StoreWrite;
import dev.sagaflow.spi.WriteResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SPI v2 operations of the SQL stores, as {@code InMemorySagaStore} does them: signal delivery and
 * its outcomes, the inbox, consumption with the write that applies, the signalled wake-up of an
 * update, all-or-none groups, listing by correlation id. Run on SQLite and on PostgreSQL by the subclasses.
 */
abstract class SignalInboxSqlTest {
    static final long T0 = 1_700_000_000_000L;

    SagaStore store;

    abstract SagaStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
        store.open("node-a");
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A running instance at version 1: held by {@code owner} until {@code leaseUntil}, or by nobody. */
    static SagaRecord row(String id, String owner, Long leaseUntil, Long wakeAt) {
        return SagaRecord.newInstance(id, "order", 1, "key-" + id, "corr-" + id, "{}", T0, null).toBuilder()
                .state(SagaState.RUNNING).wakeAt(wakeAt).historySize(1).build()
                .stamped(new SagaRecord.Fence(1, "w-" + id, 1), new SagaRecord.Lease(owner, leaseUntil), T0);
    }

    static HistoryEvent event(int seq) {
        return new HistoryEvent(seq, Instant.ofEpochMilli(T0 + seq), HistoryEventType.SAGA_STARTED, null, 0,
                Duration.ZERO, null);
    }

    WriteResult insert(SagaRecord r) {
        return store.write(List.of(new StoreWrite.Insert(r, List.of(event(1))))).getFirst();
    }

    static SignalRecord signal(String signalId, String sagaId, String name) {
        return new SignalRecord(signalId, sagaId, name, "{\"n\":\"" + signalId + "\"}", T0 + 5);
    }

    /** The next version of {@code r} as a node writes it. */
    static SagaRecord.Builder next(SagaRecord r) {
        return r.toBuilder().updatedAt(T0 + 50);
    }

    static SagaRecord bumped(SagaRecord.Builder b, SagaRecord from) {
        return b.build().stamped(new SagaRecord.Fence(from.version() + 1, "w2", from.historySize()), from.lease(), T0 + 50);
    }

    @Test
    void aSignalToAnInstanceNobodyHoldsIsPendingInDeliveryOrderAndMakesItDueNow() {
        SagaRecord r = row("s-1", null, null, T0 + 9_000);
        insert(r);

        assertThat(store.deliverSignal(signal("sig-b", "s-1", "approved"), T0 + 10)).isEqualTo(SignalDelivery.DELIVERED);
        assertThat(store.deliverSignal(signal("sig-a", "s-1", "$cancel"), T0 + 20)).isEqualTo(SignalDelivery.DELIVERED);

        Inbox inbox = store.inbox("s-1");
        assertThat(inbox.received()).isEqualTo(2);
        assertThat(inbox.pending()).extracting(SignalRecord::signalId).as("delivery order, not id order")
                .containsExactly("sig-b", "sig-a");
        assertThat(inbox.pending().getFirst()).isEqualTo(signal("sig-b", "s-1", "approved"));
        SagaRecord stored = store.find("s-1").orElseThrow();
        assertThat(stored.signals()).isEqualTo(new SagaRecord.Signals(2, 0));
        assertThat(stored.wakeAt()).as("brought to the first delivery, never later").isEqualTo(T0 + 10);
        assertThat(stored.version()).as("a delivery is no write of a node's: no fence moves").isEqualTo(1);
        assertThat(store.inbox("missing")).isEqualTo(new Inbox(0, List.of()));
    }

    @Test
    void anEarlierWakeUpIsKeptAndAHeldInstanceIsNotWokenButListedForItsOwner() {
        insert(row("early", null, null, T0));
        insert(row("held", "node-a", T0 + 30_000, null));
        insert(row("expired", "node-b", T0 + 10, null));

        store.deliverSignal(signal("x-1", "early", "go"), T0 + 10);
        store.deliverSignal(signal("x-2", "held", "go"), T0 + 10);
        store.deliverSignal(signal("x-3", "expired", "go"), T0 + 10);

        assertThat(store.find("early").orElseThrow().wakeAt()).isEqualTo(T0);
        assertThat(store.find("held").orElseThrow().wakeAt()).as("its node is told, not the pollers").isNull();
        assertThat(store.find("expired").orElseThrow().wakeAt()).as("a lease that ends now holds nothing").isEqualTo(T0 + 10);
        assertThat(store.signalledInstances("node-a")).containsExactly("held");
        assertThat(store.signalledInstances("node-b")).containsExactly("expired");
        assertThat(store.signalledInstances("node-c")).isEmpty();
    }

    @Test
    void duplicatesTakenIdsMissingAndEndedInstancesChangeNothing() {
        insert(row("s-1", null, null, null));
        insert(row("s-2", null, null, null));
        SagaRecord ended = row("s-3", null, null, null).toBuilder().state(SagaState.COMPLETED).build();
        insert(ended);
        store.deliverSignal(signal("sig", "s-1", "approved"), T0 + 10);

        assertThat(store.deliverSignal(signal("sig", "s-1", "approved"), T0 + 11)).isEqualTo(SignalDelivery.DUPLICATE);
        assertThat(store.deliverSignal(signal("sig", "s-1", "rejected"), T0 + 11)).isEqualTo(SignalDelivery.ID_TAKEN);
        assertThat(store.deliverSignal(signal("sig", "s-2", "approved"), T0 + 11)).isEqualTo(SignalDelivery.ID_TAKEN);
        assertThat(store.deliverSignal(signal("other", "nobody", "approved"), T0 + 11)).isEqualTo(SignalDelivery.NOT_FOUND);
        assertThat(store.deliverSignal(signal("late", "s-3", "approved"), T0 + 11)).isEqualTo(SignalDelivery.FINISHED);

        assertThat(store.inbox("s-1").received()).isEqualTo(1);
        assertThat(store.inbox("s-1").pending()).hasSize(1);
        assertThat(store.inbox("s-2")).isEqualTo(new Inbox(0, List.of()));
        assertThat(store.find("s-3")).contains(ended);
        assertThat(store.deliverSignal(signal("late", "s-1", "approved"), T0 + 12))
                .as("the refused deliveries left their ids free").isEqualTo(SignalDelivery.DELIVERED);
        assertThat(store.deliverSignal(signal("other", "s-2", "approved"), T0 + 12)).isEqualTo(SignalDelivery.DELIVERED);
    }

    @Test
    void signalsAreConsumedOnlyByAWriteThatIsAppliedAndStayKnownAfter() {
        SagaRecord r = row("s-1", "node-a", T0 + 30_000, null);
        insert(r);
        store.deliverSignal(signal("one", "s-1", "go"), T0 + 10);
        store.deliverSignal(signal("two", "s-1", "go"), T0 + 11);

        SagaRecord stale = bumped(next(r).signalsSeen(2), r.leased(r.lease(), 7));
        assertThat(store.write(List.of(new StoreWrite.Update(stale, 7, List.of(), List.of(), List.of("one", "two")))))
                .containsExactly(WriteResult.stale());
        assertThat(store.inbox("s-1").pending()).extracting(SignalRecord::signalId).containsExactly("one", "two");

        SagaRecord seen = bumped(next(r).signalsSeen(2).step(1), r);
        assertThat(store.write(List.of(new StoreWrite.Update(seen, 1, List.of(), List.of(), List.of("one")))))
                .containsExactly(WriteResult.ok());
        assertThat(store.inbox("s-1")).isEqualTo(new Inbox(2, List.of(signal("two", "s-1", "go"))));
        assertThat(store.signalledInstances("node-a")).isEmpty();
        assertThat(store.deliverSignal(signal("one", "s-1", "go"), T0 + 60)).as("consumed, still a duplicate")
                .isEqualTo(SignalDelivery.DUPLICATE);
    }

    @Test
    void anUpdateThatHasNotSeenEverySignalIsMadeDueAtItsWriteTimeAndNeverResetsTheCount() {
        SagaRecord r = row("s-1", "node-a", T0 + 30_000, null);
        SagaRecord ended = row("s-2", "node-a", T0 + 30_000, null);
        insert(r);
        insert(ended);
        store.deliverSignal(signal("one", "s-1", "go"), T0 + 10);
        store.deliverSignal(signal("two", "s-2", "go"), T0 + 10);

        // Written from the row as claimed before the delivery: received 0, seen 0, due much later.
        SagaRecord handedBack = bumped(next(r).wakeAt(T0 + 9_000), r).stamped(
                new SagaRecord.Fence(2, "w2", 1), SagaRecord.Lease.NONE, T0 + 50);
        SagaRecord done = bumped(next(ended).state(SagaState.COMPLETED).wakeAt(null), ended);
        assertThat(store.write(List.of(new StoreWrite.Update(handedBack, 1, List.of()),
                new StoreWrite.Update(done, 1, List.of())))).containsOnly(WriteResult.ok());

        SagaRecord stored = store.find("s-1").orElseThrow();
        assertThat(stored.signals()).isEqualTo(new SagaRecord.Signals(1, 0));
        assertThat(stored.wakeAt()).isEqualTo(T0 + 50);
        assertThat(store.find("s-2").orElseThrow().wakeAt()).as("ended: never due").isNull();

        SagaRecord caughtUp = bumped(next(stored).signalsSeen(1).wakeAt(T0 + 9_000), stored);
        store.write(List.of(new StoreWrite.Update(caughtUp, 2, List.of())));
        assertThat(store.find("s-1").orElseThrow().wakeAt()).isEqualTo(T0 + 9_000);
        SagaRecord earlier = bumped(next(caughtUp).signalsSeen(0).wakeAt(T0 + 20), caughtUp);
        store.write(List.of(new StoreWrite.Update(earlier, 3, List.of())));
        assertThat(store.find("s-1").orElseThrow().wakeAt()).as("an earlier due time stands").isEqualTo(T0 + 20);
    }

    @Test
    void aGroupIsAppliedAllOrNoneAndTheRestOfTheBatchStandsOnItsOwn() {
        SagaRecord parent = row("parent", "node-a", T0 + 30_000, null);
        SagaRecord other = row("other", "node-a", T0 + 30_000, null);
        SagaRecord holder = row("holder", null, null, null);
        insert(parent);
        insert(other);
        insert(holder);
        store.deliverSignal(signal("sig", "parent", "go"), T0 + 10);
        SagaRecord parentNext = bumped(next(parent).signalsSeen(1).step(1), parent);
        SagaRecord child = row("child", "node-a", T0 + 30_000, T0);
        SagaRecord childWithTakenKey = SagaRecord.newInstance("child-2", "order", 1, holder.idempotencyKey(), null, "{}",
                T0, null);
        SagaRecord otherNext = bumped(next(other).step(2), other);

        List<WriteResult> results = store.write(List.of(
                new StoreWrite.Group(List.of(
                        new StoreWrite.Update(parentNext, 1, List.of(event(2)), List.of(), List.of("sig")),
                        new StoreWrite.Insert(child, List.of(event(1))))),
                new StoreWrite.Group(List.of(
                        new StoreWrite.Insert(childWithTakenKey, List.of(event(1))),
                        new StoreWrite.Update(otherNext, 1, List.of(event(2))))),
                new StoreWrite.Group(List.of(
                        new StoreWrite.Update(bumped(next(other), other), 5, List.of()),
                        new StoreWrite.Insert(row("child-3", null, null, T0), List.of(event(1))))),
                new StoreWrite.Insert(row("plain", null, null, T0), List.of(event(1)))));

        assertThat(results).containsExactly(WriteResult.ok(), WriteResult.conflict("holder"), WriteResult.stale(),
                WriteResult.ok());
        assertThat(store.find("parent").orElseThrow().stepIndex()).isEqualTo(1);
        assertThat(store.history("parent")).hasSize(2);
        assertThat(store.inbox("parent").pending()).isEmpty();
        assertThat(store.find("child")).contains(child);
        assertThat(store.history("child")).hasSize(1);
        assertThat(store.find("child-2")).as("refused with its group").isEmpty();
        assertThat(store.find("other").orElseThrow()).as("its group was refused: not applied").isEqualTo(other);
        assertThat(store.history("other")).hasSize(1);
        assertThat(store.find("child-3")).isEmpty();
        assertThat(store.find("plain")).isPresent();
    }

    @Test
    void aRefusedGroupConsumesNoSignalAndTwoInsertsOfOneKeyRefuseTheGroup() {
        SagaRecord parent = row("parent", "node-a", T0 + 30_000, null);
        insert(parent);
        store.deliverSignal(signal("sig", "parent", "go"), T0 + 10);
        SagaRecord parentNext = bumped(next(parent).signalsSeen(1), parent);
        SagaRecord first = SagaRecord.newInstance("c-1", "order", 1, "same", null, "{}", T0, null);
        SagaRecord second = SagaRecord.newInstance("c-2", "order", 1, "same", null, "{}", T0, null);

        List<WriteResult> results = store.write(List.of(new StoreWrite.Group(List.of(
                new StoreWrite.Update(parentNext, 1, List.of(), List.of(), List.of("sig")),
                new StoreWrite.Insert(first, List.of()),
                new StoreWrite.Insert(second, List.of())))));

        assertThat(results).as("as the in-memory store answers").containsExactly(WriteResult.conflict("c-2"));
        assertThat(store.find("parent").orElseThrow().version()).isEqualTo(1);
        assertThat(store.inbox("parent").pending()).extracting(SignalRecord::signalId).containsExactly("sig");
        assertThat(store.find("c-1")).isEmpty();
    }

    @Test
    void instancesAreListedByCorrelationId() {
        insert(row("a", null, null, null));
        insert(SagaRecord.newInstance("b", "order", 1, "key-b", "shared", "{}", T0 + 1, null));
        insert(SagaRecord.newInstance("c", "order", 1, "key-c", "shared", "{}", T0 + 2, null));

        assertThat(store.list(SagaQuery.all().withCorrelationId("shared"))).extracting(SagaRecord::id)
                .containsExactly("c", "b");
        assertThat(store.list(SagaQuery.all().withCorrelationId("corr-a"))).extracting(SagaRecord::id).containsExactly("a");
        assertThat(store.list(SagaQuery.all().withCorrelationId("none"))).isEmpty();
        assertThat(store.list(SagaQuery.all())).hasSize(3);
    }

    @Test
    void aRowReadsBackFieldForFieldWithItsPositionWaitAndSignals() {
        SagaRecord r = row("s-1", "node-a", T0 + 30_000, T0 + 700).toBuilder()
                .position(new SagaRecord.Position(3, 2, true, new SagaRecord.Wait(SagaRecord.WaitKind.REPLY, "m-1", T0 + 700)))
                .toCompensate(List.of(0, 2, 1)).failure("card declined").cancelRequested(true).flag("RETRYING")
                .signalsSeen(0).build();
        insert(r);
        assertThat(store.find("s-1")).contains(r);
        for (SagaRecord.Wait wait : List.of(new SagaRecord.Wait(SagaRecord.WaitKind.SIGNAL, "approved", null),
                new SagaRecord.Wait(SagaRecord.WaitKind.TIMER, null, T0 + 1),
                new SagaRecord.Wait(SagaRecord.WaitKind.RETRY, null, T0 + 2))) {
            SagaRecord current = store.find("s-1").orElseThrow();
            SagaRecord waiting = bumped(next(current).await(wait), current);
            store.write(List.of(new StoreWrite.Update(waiting, current.version(), List.of())));
            assertThat(store.find("s-1")).contains(waiting);
        }
    }
}
