package dev.sagaflow.cli;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.SagaNotFoundException;
import dev.sagaflow.SagaId;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Shows one saga: its state and flag, where it stands (the step due, running, waiting or being "
                + "compensated), what it waits for, its attempts, its last failure, who holds it, and its data.",
                "Example: sagaflow saga show --store DIR/sagas.db 3f1c0e9a-...",
                "JSON: the fields of `list`, and \"standing\", \"waits\", \"failure\", \"lastError\", "
                        + "\"toCompensate\", \"owner\", \"leaseUntil\", \"historySize\", \"data\""})
final class SagaShowCommand implements Callable<Integer> {
    @Mixin
    SagaStoreOptions store;

    @Parameters(index = "0", paramLabel = "ID", description = "The saga's id.")
    String id;

    @Override
    public Integer call() {
        try (SagaStore sagas = store.open()) {
            SagaRecord r = sagas.find(id).orElseThrow(() -> new SagaNotFoundException(new SagaId(id)));
            List<HistoryEvent> history = sagas.history(id);
            long now = System.currentTimeMillis();
            List<String> names = SagaViews.stepNames(history);
            List<String> toCompensate = new ArrayList<>();
            for (int i = r.toCompensate().size() - 1; i >= 0; i--) {
                int step = r.toCompensate().get(i);
                toCompensate.add(step < names.size() ? names.get(step) : "step " + (step + 1));
            }
            HistoryEvent lastFailure = SagaViews.lastFailure(history);
            String lastError = lastFailure == null ? null : (lastFailure.type().name().startsWith("COMPENSATION")
                    ? "compensation of '" : "step '") + lastFailure.step() + "' attempt " + lastFailure.attempt() + " at "
                    + Rendering.time(lastFailure.at()) + ": " + lastFailure.detail();
            Map<String, Object> doc = SagaViews.summary(r);
            doc.put("standing", SagaViews.standing(r, history));
            doc.put("waits", SagaViews.waits(r, now));
            doc.put("failure", r.failure());
            doc.put("lastError", lastError);
            doc.put("lastErrorStackTrace", lastFailure == null ? null : lastFailure.stackTrace());
            doc.put("toCompensate", toCompensate);
            doc.put("owner", r.owner());
            doc.put("leaseUntil", Rendering.time(r.leaseUntil()));
            doc.put("historySize", r.historySize());
            doc.put("data", Rendering.jsonValue(r.data()));
            if (store.json()) {
                Rendering.json(System.out, doc);
                return 0;
            }
            Map<String, Object> lines = new LinkedHashMap<>();
            lines.put("saga", r.id() + "  (" + r.sagaName() + " v" + r.sagaVersion() + ")");
            lines.put("state", r.state() + (r.flag() == null ? "" : "   flagged " + r.flag()));
            lines.put("key", r.idempotencyKey() + "   correlation id " + r.correlationId());
            if (r.parentId() != null) {
                lines.put("parent", r.parentId() + " (this saga is its child)");
            }
            if (r.progress().run() > 0 || r.progress().loops() > 0) {
                lines.put("run", r.progress().run() + ", pass " + (r.progress().loops() + 1));
            }
            lines.put("created", Rendering.time(r.createdAt()) + "   updated " + Rendering.time(r.updatedAt())
                    + "   version " + r.version());
            lines.put("standing", doc.get("standing"));
            lines.put("waits", doc.get("waits"));
            lines.put("to undo", toCompensate.isEmpty() ? null : String.join(", ", toCompensate) + " (in this order)");
            lines.put("failure", r.failure());
            lines.put("last error", lastError);
            lines.put("thrown at", SagaViews.stackHead(lastFailure, 6));
            lines.put("held by", r.owner() == null ? null : r.owner() + " until " + Rendering.time(r.leaseUntil()));
            lines.put("history", r.historySize() + " entries (sagaflow saga history " + r.id() + ")");
            lines.put("data", r.data());
            lines.forEach((label, value) -> {
                if (value != null) {
                    System.out.printf("%-10s %s%n", label, value);
                }
            });
            return 0;
        }
    }
}
