package dev.sagaflow.cli;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaNotFoundException;
import dev.sagaflow.spi.SagaStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Prints one saga's timeline: each entry with its time, the time since the saga started, the "
                + "step and attempt, how long the attempt took, and its detail (errors in full, operator actions "
                + "with who and why), then the metadata the attempt attached (model, tokens, score…) as JSON. A "
                + "failed attempt that threw keeps its stack trace: --stack-traces prints them.",
                "Example: sagaflow saga history --store DIR/sagas.db 3f1c0e9a-...",
                "JSON: {\"id\",\"sagaName\",\"state\",\"events\":[{\"seq\",\"at\",\"sinceStartMillis\",\"type\","
                        + "\"step\",\"attempt\",\"durationMillis\",\"detail\",\"stackTrace\",\"metadata\"}]}"})
final class SagaHistoryCommand implements Callable<Integer> {
    @Mixin
    SagaStoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "The saga's id.")
    String id;

    @Option(names = "--stack-traces", description = "After the timeline, the stack trace kept with each failed attempt.")
    boolean stackTraces;

    @Override
    public Integer call() {
        try (SagaStore sagas = store.open()) {
            var r = sagas.find(id).orElseThrow(() -> new SagaNotFoundException(new SagaId(id)));
            List<HistoryEvent> history = sagas.history(id);
            HistoryEvent first = history.isEmpty() ? null : history.getFirst();
            if (store.json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("id", r.id());
                doc.put("sagaName", r.sagaName());
                doc.put("state", r.state().name());
                doc.put("events", history.stream().map(e -> SagaViews.event(e, first)).toList());
                Rendering.json(System.out, doc);
                return 0;
            }
            System.out.println("saga " + r.id() + " (" + r.sagaName() + "), " + r.state());
            Rendering.Table table = new Rendering.Table("SEQ", "AT", "+", "EVENT", "STEP", "ATTEMPT", "TOOK", "DETAIL");
            for (HistoryEvent e : history) {
                table.row(e.seq(), Rendering.time(e.at()), "+" + Rendering.duration(Duration.between(first.at(), e.at())),
                        e.type(), e.step(), e.attempt() == 0 ? null : e.attempt(),
                        e.duration().isZero() ? null : Rendering.duration(e.duration()), detailAndMetadata(e));
            }
            table.print(System.out);
            List<HistoryEvent> traced = history.stream().filter(e -> e.stackTrace() != null).toList();
            if (stackTraces) {
                for (HistoryEvent e : traced) {
                    System.out.printf("%n#%d %s %s attempt %d:%n%s", e.seq(), e.type(), e.step(), e.attempt(),
                            e.stackTrace().endsWith("\n") ? e.stackTrace() : e.stackTrace() + "\n");
                }
            } else if (!traced.isEmpty()) {
                System.out.println(traced.size() + " entries keep a stack trace: --stack-traces prints them");
            }
            return 0;
        }
    }

    /** The metadata after the detail: the last column, so a long one widens no other. */
    private static String detailAndMetadata(HistoryEvent e) {
        if (e.metadata() == null) {
            return e.detail();
        }
        return e.detail() == null ? e.metadata() : e.detail() + "  " + e.metadata();
    }
}
