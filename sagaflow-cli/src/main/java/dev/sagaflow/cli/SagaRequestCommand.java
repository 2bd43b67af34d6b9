package dev.sagaflow.cli;

import dev.sagaflow.OperatorRequest;
import dev.sagaflow.SagaClient;
import dev.sagaflow.SagaException;
import dev.sagaflow.SagaId;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.SignalReceipt;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * An operator's request (cancel, retry, skip, resolve) to one saga by id, or to every saga the
 * filters match: a bulk action first prints what it would touch and sends nothing without --yes.
 * Then it waits (--wait) for the nodes to apply the requests and says, per saga, applied, refused
 * (why), or still pending. Exit status 1 when any was refused.
 */
abstract class SagaRequestCommand implements Callable<Integer> {
    @Mixin
    SagaStoreOptions store;

    @Mixin
    SagaFilterOptions filters;

    @Mixin
    OperatorOptions operator;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID",
            description = "The saga's id; leave it out and give filters to act on every saga they match.")
    String id;

    /** cancel, retry, skip, resolve. */
    abstract String verb();

    /** The request, with who and why. */
    abstract OperatorRequest request(String who, String why);

    /** Whether a matching saga can take this request at all (the others are left out of a bulk action). */
    abstract boolean applies(SagaRecord r);

    /** For messages: what a saga it applies to is (non-terminal; compensating). */
    abstract String appliesTo();

    /** One saga's outcome, as printed; {@code state} is its state once the request was applied (or not). */
    record Result(String id, String state, String result, String detail) {
    }

    @Override
    public Integer call() throws Exception {
        if (id != null && filters.any()) {
            throw new IllegalArgumentException("give a saga's ID or filters (--state, --flagged, --name, ...), not both");
        }
        if (id == null && !filters.any()) {
            throw new IllegalArgumentException("give the saga's ID, or filters (--state, --flagged, --name, --since, ...) "
                    + "to " + verb() + " every saga they match");
        }
        OperatorRequest request = request(operator.operator(), operator.reason); // checked before the store is opened
        SagaQuery query = id == null ? filters.query(1000) : null;
        try (SagaStore sagas = store.open(); SagaClient client = SagaClient.builder(sagas).build()) {
            return id != null ? one(client, request) : bulk(sagas, client, request, query);
        }
    }

    private int one(SagaClient client, OperatorRequest request) throws InterruptedException {
        // Refused at once (no such saga, ended, not compensating): a SagaException, one line, status 1.
        SignalReceipt receipt = client.request(new SagaId(id), request);
        List<Result> results = await(client, List.of(receipt));
        Result result = results.getFirst();
        if (store.json()) {
            Rendering.json(System.out, document(results, false, List.of()));
        } else if (!result.result().equals("refused")) {
            System.out.println(verb() + " " + result.result() + ": saga " + id
                    + (result.detail() == null ? "" : ": " + result.detail()));
        }
        if (result.result().equals("refused")) {
            throw new SagaException(verb() + " of saga " + id + " refused: " + result.detail());
        }
        return 0;
    }

    private int bulk(SagaStore sagas, SagaClient client, OperatorRequest request, SagaQuery query) throws InterruptedException {
        List<SagaRecord> matched = sagas.list(query);
        List<SagaRecord> targets = matched.stream().filter(this::applies).toList();
        int left = matched.size() - targets.size();
        if (!operator.yes || targets.isEmpty()) {
            if (store.json()) {
                Rendering.json(System.out, document(targets.stream().map(r -> new Result(r.id(), r.state().name(),
                        "would " + verb(), null)).toList(), true, matched));
            } else {
                SagaListCommand.table(targets).print(System.out);
                System.out.println(targets.size() + " saga(s) to " + verb() + (left > 0 ? "; " + left + " other match(es) "
                        + "left alone (not " + appliesTo() + ")" : "") + (matched.size() == query.limit()
                        ? "; there may be more than --limit " + query.limit() : ""));
                System.out.println(targets.isEmpty() ? "nothing to do" : "nothing changed: run again with --yes to "
                        + verb() + " these " + targets.size() + " saga(s)");
            }
            return 0;
        }
        List<SignalReceipt> sent = new ArrayList<>();
        List<Result> refusedAtOnce = new ArrayList<>();
        for (SagaRecord r : targets) {
            try {
                sent.add(client.request(new SagaId(r.id()), request));
            } catch (SagaException e) {
                refusedAtOnce.add(new Result(r.id(), r.state().name(), "refused", e.getMessage()));
            }
        }
        List<Result> results = new ArrayList<>(refusedAtOnce);
        results.addAll(await(client, sent));
        if (store.json()) {
            Rendering.json(System.out, document(results, false, matched));
        } else {
            Rendering.Table table = new Rendering.Table("ID", "STATE NOW", "RESULT", "DETAIL");
            results.forEach(r -> table.row(r.id(), r.state(), r.result(), r.detail()));
            table.print(System.out);
            System.out.println(summary(results));
        }
        return results.stream().anyMatch(r -> r.result().equals("refused")) ? 1 : 0;
    }

    /** Waits up to --wait for every request to be taken; what is still in an inbox then is pending. */
    private List<Result> await(SagaClient client, List<SignalReceipt> receipts) throws InterruptedException {
        long until = System.nanoTime() + operator.wait.toNanos();
        Map<SignalReceipt, OperatorRequest.Outcome> outcomes = new LinkedHashMap<>();
        // Each look reads every pending saga's row, inbox and history from a store nodes are using:
        // soon at first (a node applies a request within a poll), then less and less often.
        long pause = 100;
        while (true) {
            for (SignalReceipt receipt : receipts) {
                OperatorRequest.Outcome known = outcomes.get(receipt);
                if (known == null || known.status() == OperatorRequest.Status.PENDING) {
                    outcomes.put(receipt, client.requestOutcome(receipt));
                }
            }
            boolean pending = outcomes.values().stream().anyMatch(o -> o.status() == OperatorRequest.Status.PENDING);
            if (!pending || System.nanoTime() >= until) {
                break;
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 1_000);
        }
        List<Result> results = new ArrayList<>();
        for (SignalReceipt receipt : receipts) {
            OperatorRequest.Outcome o = outcomes.get(receipt);
            String state = client.get(receipt.sagaId()).state().name();
            results.add(switch (o.status()) {
                case APPLIED -> new Result(receipt.sagaId().value(), state, "applied", o.detail());
                case REFUSED -> new Result(receipt.sagaId().value(), state, "refused", o.detail());
                case PENDING -> new Result(receipt.sagaId().value(), state, "requested", "not applied yet: no node took it "
                        + "within " + Rendering.duration(operator.wait) + "; it waits in the saga's inbox for the node that runs it");
            });
        }
        return results;
    }

    private Map<String, Object> document(List<Result> results, boolean dryRun, List<SagaRecord> matched) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("action", verb());
        doc.put("operator", operator.operator());
        doc.put("reason", operator.reason);
        doc.put("dryRun", dryRun);
        doc.put("matched", id != null ? 1 : matched.size());
        doc.put("sagas", results.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("state", r.state());
            m.put("result", r.result());
            m.put("detail", r.detail());
            return m;
        }).toList());
        for (String kind : List.of("applied", "refused", "requested")) {
            doc.put(kind, results.stream().filter(r -> r.result().equals(kind)).count());
        }
        return doc;
    }

    private String summary(List<Result> results) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String kind : List.of("applied", "refused", "requested")) {
            counts.put(kind, results.stream().filter(r -> r.result().equals(kind)).count());
        }
        return verb() + ": " + counts.get("applied") + " applied, " + counts.get("refused") + " refused, "
                + counts.get("requested") + " not applied yet";
    }
}
