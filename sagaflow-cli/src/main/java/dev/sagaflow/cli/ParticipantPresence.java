package dev.sagaflow.cli;

import dev.sagaflow.examples.orders.remote.OrderMessages;
import dev.sagaflow.messaging.Message;
import dev.sagaflow.messaging.Transport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Whether the four services are there, asked through the transport itself: a demo with
 * {@code --external-participants} that nobody answers would otherwise send its orders into queues
 * nobody reads and wait silently until its timeout. Each {@code participant} answers a roll call
 * with its service and mode; the call carries a fresh id, so answers to an earlier run are ignored.
 */
final class ParticipantPresence {
    static final String ROLL_CALLS = "sagaflow.demo.roll-call";
    static final String ANSWERS = "sagaflow.demo.present";
    private static final String SERVICE = "service";
    private static final String MODE = "mode";
    /** The roll call is sent again this often: a service that subscribes after a call missed it. */
    private static final Duration CALL_AGAIN = Duration.ofSeconds(2);

    private ParticipantPresence() {
    }

    /** The participant's side: answers every roll call for as long as the subscription lasts. */
    static Transport.Subscription answer(Transport transport, String service, DemoMode mode) {
        return transport.subscribe(ROLL_CALLS, service, call -> transport.send(List.of(new Message(Message.newId(),
                ANSWERS, "Present", call.sagaId(), null, Map.of(SERVICE, service, MODE, mode.name()), "{}"))));
    }

    /**
     * The demo's side: returns once each of the four services has answered in {@code mode}.
     *
     * @throws UnusableSetupException after {@code wait}, naming the services that did not answer or
     *                                answered in the other mode, and how to start them
     */
    static void await(Transport transport, DemoMode mode, Duration wait, String howToStart) throws InterruptedException {
        String call = "roll-call-" + Message.newId();
        Map<String, String> modes = new ConcurrentHashMap<>();
        Semaphore arrived = new Semaphore(0);
        try (Transport.Subscription answers = transport.subscribe(ANSWERS, "demo", answer -> {
            if (call.equals(answer.sagaId())) {
                modes.put(answer.header(SERVICE).orElse("?"), answer.header(MODE).orElse("?"));
                arrived.release();
            }
        })) {
            long until = System.nanoTime() + wait.toNanos();
            long nextCall = System.nanoTime();
            for (long now = nextCall; !allAnswered(modes, mode) && now < until; now = System.nanoTime()) {
                if (now >= nextCall) {
                    transport.send(List.of(new Message(Message.newId(), ROLL_CALLS, "RollCall", call, null, Map.of(), "{}")));
                    nextCall = now + CALL_AGAIN.toNanos();
                }
                arrived.tryAcquire(Math.min(nextCall, until) - now, TimeUnit.NANOSECONDS);
            }
        }
        if (!allAnswered(modes, mode)) {
            throw new UnusableSetupException(problem(modes, mode, wait, transport) + "; " + howToStart);
        }
    }

    private static boolean allAnswered(Map<String, String> modes, DemoMode mode) {
        return Set.of(OrderMessages.SERVICES).stream().allMatch(s -> mode.name().equals(modes.get(s)));
    }

    private static String problem(Map<String, String> modes, DemoMode mode, Duration wait, Transport transport) {
        Map<String, String> wrong = new TreeMap<>();
        List<String> silent = List.of(OrderMessages.SERVICES).stream().filter(s -> {
            String answered = modes.get(s);
            if (answered != null && !answered.equals(mode.name())) {
                wrong.put(s, answered);
            }
            return answered == null;
        }).toList();
        StringBuilder text = new StringBuilder();
        if (!silent.isEmpty()) {
            text.append("no participant process answered for ").append(String.join(", ", silent)).append(" within ")
                    .append(wait.toSeconds()).append(" s over ").append(transport.name());
        }
        wrong.forEach((service, answered) -> text.append(text.isEmpty() ? "" : "; ").append("participant ")
                .append(service).append(" runs in ").append(answered).append(" mode, this demo in ").append(mode));
        return text.toString();
    }
}
