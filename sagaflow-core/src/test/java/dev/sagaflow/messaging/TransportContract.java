package dev.sagaflow.messaging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link Transport} must do. A transport module extends this class and supplies a new
 * transport per call on a fresh, shared backing (the same database, broker vhost or cluster), so
 * that two instances from one test talk to each other as two processes would.
 */
public abstract class TransportContract {
    protected final List<Transport> opened = new ArrayList<>();
    /** Unique per test, so runs never see each other's messages. */
    protected String prefix;

    protected abstract Transport newTransport() throws Exception;

    protected Transport transport() throws Exception {
        Transport t = newTransport();
        opened.add(t);
        return t;
    }

    @BeforeEach
    void namePrefix() {
        prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void closeAll() {
        opened.reversed().forEach(Transport::close);
    }

    private Message message(String channel, int n) {
        return new Message(Message.newId(), channel, "Thing", "saga-" + n, "corr-" + n,
                Map.of(MessageHeaders.TRACEPARENT, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "n",
                        String.valueOf(n)), "{\"n\":" + n + "}");
    }

    @Test
    void aMessageArrivesWithEveryField() throws Exception {
        Transport sender = transport();
        Transport receiver = transport();
        String channel = prefix + ".fields";
        Set<Message> got = ConcurrentHashMap.newKeySet();
        receiver.subscribe(channel, "g", got::add);
        Message sent = message(channel, 7);

        sender.send(List.of(sent));

        await().atMost(Duration.ofSeconds(30)).until(() -> !got.isEmpty());
        assertThat(got).containsExactly(sent);
    }

    @Test
    void everyGroupGetsEachMessageAndOneMemberOfAGroupHandlesIt() throws Exception {
        Transport sender = transport();
        String channel = prefix + ".fanout";
        Map<String, AtomicInteger> byGroupA = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byGroupB = new ConcurrentHashMap<>();
        for (int member = 0; member < 2; member++) {
            transport().subscribe(channel, "group-a", m -> {
                byGroupA.computeIfAbsent(m.id(), k -> new AtomicInteger()).incrementAndGet();
                Thread.sleep(2);
            });
        }
        transport().subscribe(channel, "group-b", m -> byGroupB.computeIfAbsent(m.id(), k -> new AtomicInteger()).incrementAndGet());
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            messages.add(message(channel, i));
        }

        for (int i = 0; i < messages.size(); i += 50) {
            sender.send(messages.subList(i, i + 50));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> byGroupA.size() == 400 && byGroupB.size() == 400);
        assertThat(byGroupA.keySet()).containsExactlyInAnyOrderElementsOf(messages.stream().map(Message::id).toList());
        long handledTwiceInA = byGroupA.values().stream().filter(n -> n.get() > 1).count();
        assertThat(handledTwiceInA).as("with no failure, one member of a group handles each message once").isZero();
    }

    @Test
    void aHandlerThatThrowsGetsTheMessageAgain() throws Exception {
        Transport t = transport();
        String channel = prefix + ".retry";
        AtomicInteger calls = new AtomicInteger();
        Set<String> done = ConcurrentHashMap.newKeySet();
        t.subscribe(channel, "g", m -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("not yet");
            }
            done.add(m.id());
        });

        t.send(List.of(message(channel, 1)));

        await().atMost(Duration.ofSeconds(60)).until(() -> done.size() == 1);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void messagesSentWhileNoConsumerRunsWaitForTheDeclaredGroup() throws Exception {
        Transport sender = transport();
        String channel = prefix + ".later";
        sender.declare(channel, "late");
        sender.send(List.of(message(channel, 1), message(channel, 2)));
        Set<String> got = ConcurrentHashMap.newKeySet();

        transport().subscribe(channel, "late", m -> got.add(m.id()));

        await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 2);
    }
}
