package dev.sagaflow.testing;

import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHandler;
import dev.sagaflow.messaging.Transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps a real transport so that every message is delivered twice, out of order: each batch is
 * shuffled, and each message is sent again a random while later (up to {@code maxDelayMillis}), so
 * a duplicate can overtake, or arrive after, messages sent after it.
 */
public final class DuplicatingTransport implements Transport {
    private final Transport delegate;
    private final long maxDelayMillis;
    private final Random random;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    public final AtomicLong duplicatesSent = new AtomicLong();

    public DuplicatingTransport(Transport delegate, long maxDelayMillis, long seed) {
        this.delegate = delegate;
        this.maxDelayMillis = maxDelayMillis;
        this.random = new Random(seed);
    }

    @Override
    public void declare(String channel, String group) {
        delegate.declare(channel, group);
    }

    @Override
    public void send(List<Message> messages) {
        List<Message> shuffled = new ArrayList<>(messages);
        long delay;
        synchronized (random) {
            Collections.shuffle(shuffled, random);
            delay = maxDelayMillis == 0 ? 0 : random.nextLong(maxDelayMillis);
        }
        delegate.send(shuffled);
        later.schedule(() -> {
            try {
                delegate.send(shuffled.reversed());
                duplicatesSent.addAndGet(shuffled.size());
            } catch (RuntimeException closed) {
                // The test ended first.
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public Subscription subscribe(String channel, String group, MessageHandler handler) {
        return delegate.subscribe(channel, group, handler);
    }

    @Override
    public String name() {
        return delegate.name() + " (every message twice)";
    }

    @Override
    public void close() {
        later.shutdownNow();
        delegate.close();
    }
}
