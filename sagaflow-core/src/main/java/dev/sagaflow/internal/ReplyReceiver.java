package dev.sagaflow.internal;

import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.MessageHeaders;
import dev.sagaflow.messaging.Reply;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import dev.sagaflow.spi.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes replies to remote steps. A reply moves its instance only if the instance still waits for
 * exactly that command; a duplicate, a reply to an earlier attempt or one that comes after the
 * timeout is acknowledged and dropped. The transition's write is version-checked like any other, so
 * a reply racing the timeout (or the same reply on two nodes) moves the instance once.
 */
public final class ReplyReceiver {
    private static final Logger log = LoggerFactory.getLogger(ReplyReceiver.class);

    private final SagaStore store;
    private final Registry registry;
    private final SagaRunner runner;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();

    public ReplyReceiver(SagaStore store, Registry registry, SagaRunner runner) {
        this.store = store;
        this.registry = registry;
        this.runner = runner;
    }

    public void handle(Message message) throws InterruptedException {
        String inReplyTo = message.header(MessageHeaders.IN_REPLY_TO).orElse(null);
        Reply reply;
        try {
            reply = Reply.of(message);
        } catch (IllegalArgumentException e) {
            log.warn("dropping message {} on the reply channel: {}", message.id(), e.getMessage());
            ignored.incrementAndGet();
            return;
        }
        for (int tries = 0; tries < 100; tries++) {
            Optional<SagaRecord> row = store.find(message.sagaId());
            if (row.isEmpty() || !SagaStateMachine.awaits(row.get(), inReplyTo)) {
                log.debug("reply {} to {} for saga {} is not awaited (a duplicate or late); dropped", message.id(),
                        inReplyTo, message.sagaId());
                ignored.incrementAndGet();
                return;
            }
            SagaRecord r = row.get();
            Optional<SagaStateMachine> machine = registry.find(r.sagaName(), r.sagaVersion());
            if (machine.isEmpty()) {
                throw new IllegalStateException("reply for saga " + r.id() + " of " + r.sagaName() + " v" + r.sagaVersion()
                        + ", which this node has not registered");
            }
            Optional<CompletableFuture<WriteResult>> applying = runner.applyReply(machine.get(), r, reply);
            if (applying.isEmpty()) {
                // This node holds the instance already (a copy of this reply being applied, its
                // timeout): look at the row again once that is done.
                Thread.sleep(Math.min(1L << Math.min(tries, 6), 50));
                continue;
            }
            WriteResult result;
            try {
                result = applying.get().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("recording reply " + message.id() + " failed: " + e.getCause(), e.getCause());
            }
            if (result.isApplied()) {
                applied.incrementAndGet();
                return;
            }
            // The row moved between the read and the write (a claim, a timeout, an operator): look again.
        }
        throw new IllegalStateException("saga " + message.sagaId() + " kept changing while reply " + message.id() + " was applied");
    }

    public long applied() {
        return applied.get();
    }

    public long ignored() {
        return ignored.get();
    }
}
