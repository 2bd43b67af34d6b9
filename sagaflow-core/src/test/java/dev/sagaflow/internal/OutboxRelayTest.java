package dev.sagaflow.internal;

import dev.sagaflow.memory.InMemoryTransport;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.spi.Outbox;
import dev.sagaflow.messaging.Transport;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxRelayTest {

    /** An outbox in memory with the claim-by-lease rule of the real ones. */
    static final class LeasedOutbox implements Outbox {
        private final Map<String, Message> messages = new LinkedHashMap<>();
        private final Map<String, Long> leasedUntil = new ConcurrentHashMap<>();

        synchronized void add(Message m) {
            messages.put(m.id(), m);
        }

        @Override
        public synchronized List<Message> claimOutbox(String relayId, long now, long leaseUntil, int limit) {
            List<Message> claimed = new ArrayList<>();
            for (Message m : messages.values()) {
                if (claimed.size() < limit && leasedUntil.getOrDefault(m.id(), 0L) <= now) {
                    leasedUntil.put(m.id(), leaseUntil);
                    claimed.add(m);
                }
            }
            return claimed;
        }

        @Override
        public synchronized void deleteOutbox(Collection<String> ids) {
            ids.forEach(messages::remove);
        }

        synchronized int size() {
            return messages.size();
        }
    }

    /** Refuses the first {@code failures} sends, as a broker that is restarting does. */
    static final class FlakyTransport implements Transport {
        private final InMemoryTransport delegate = new InMemoryTransport();
        private final AtomicInteger failuresLeft;
        final AtomicInteger attempts = new AtomicInteger();

        FlakyTransport(int failures) {
            this.failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public void send(List<Message> messages) {
            attempts.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("broker restarting");
            }
            delegate.send(messages);
        }

        @Override
        public void declare(String channel, String group) {
            delegate.declare(channel, group);
        }

        @Override
        public Subscription subscribe(String channel, String group, dev.sagaflow.messaging.MessageHandler handler) {
            return delegate.subscribe(channel, group, handler);
        }

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static Message message(int n) {
        return new Message(Message.newId(), "c", "T", "saga-" + n, null, Map.of(), "{}");
    }

    @Test
    void aBatchThatFailedToSendIsSentAgainWithoutWaitingForItsLease() {
        LeasedOutbox outbox = new LeasedOutbox();
        FlakyTransport transport = new FlakyTransport(2);
        Set<String> got = ConcurrentHashMap.newKeySet();
        transport.subscribe("c", "g", m -> got.add(m.id()));
        for (int i = 0; i < 10; i++) {
            outbox.add(message(i));
        }
        long leaseMillis = Duration.ofMinutes(10).toMillis();
        try (OutboxRelay relay = new OutboxRelay("r", outbox, transport, Clock.systemUTC(), 50, leaseMillis).start()) {
            await().atMost(Duration.ofSeconds(20)).until(() -> got.size() == 10 && outbox.size() == 0);
        } finally {
            transport.close();
        }
    }

    @Test
    void wakeUpsDoNotCutTheBackoffShortWhileSendsFail() throws Exception {
        LeasedOutbox outbox = new LeasedOutbox();
        FlakyTransport transport = new FlakyTransport(Integer.MAX_VALUE);
        outbox.add(message(1));
        try (OutboxRelay relay = new OutboxRelay("r", outbox, transport, Clock.systemUTC(), 50, 60_000).start()) {
            long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < end) {
                relay.wakeUp(); // every commit that writes to the outbox does this
                Thread.sleep(1);
            }
        } finally {
            transport.close();
        }
        // Backoff 100, 200, 400, 800 ms: at most five attempts in a second, however often it is woken.
        assertThat(transport.attempts.get()).isLessThanOrEqualTo(6);
    }
}
