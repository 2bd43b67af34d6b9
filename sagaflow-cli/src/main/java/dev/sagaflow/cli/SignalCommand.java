package dev.sagaflow.cli;

import dev.sagaflow.SagaClient;
import dev.sagaflow.SagaId;
import dev.sagaflow.SignalReceipt;
import dev.sagaflow.examples.approval.PurchaseRequestSaga;
import dev.sagaflow.examples.orders.OrderFulfilmentSaga;
import dev.sagaflow.examples.orders.remote.RemoteOrderFulfilmentSaga;
import dev.sagaflow.spi.SagaStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "signal", mixinStandardHelpOptions = true,
        description = {"Sends one signal to a saga instance by hand, say a manager's decision to a purchase request "
                + "of `demo approval`: checked against the saga's definition (the name must be one it awaits, the "
                + "payload must read as its type), then put in the instance's inbox, where the engine node that runs "
                + "it takes it. Works on a SQLite file a running demo holds, and on PostgreSQL while nodes run.",
                "Idempotent per --id: the same id again changes nothing and prints `duplicate`.",
                "Also `sagaflow saga signal`, with the same options.",
                "Example: sagaflow signal --store DIR/sagas.db --key purchase-request:req-7 --name manager-decision "
                        + "--payload '{\"approved\":true,\"by\":\"manager\",\"note\":\"ok\"}'"})
final class SignalCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "URL",
            description = "The saga store: jdbc:postgresql://HOST:PORT/DB?user=U, or a SQLite file.")
    String store;

    static final class Target {
        @Option(names = "--saga", required = true, paramLabel = "ID", description = "The saga instance's id.")
        String sagaId;

        @Option(names = "--key", required = true, paramLabel = "NAME:KEY",
                description = "The saga's name and the idempotency key it was started with, e.g. purchase-request:req-7.")
        String key;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--name", required = true, paramLabel = "SIGNAL",
            description = "The signal's name, e.g. manager-decision or director-decision.")
    String name;

    @Option(names = "--payload", required = true, paramLabel = "JSON",
            description = "The payload as JSON, e.g. {\"approved\":true,\"by\":\"manager\",\"note\":\"ok\"}.")
    String payload;

    @Option(names = "--id", paramLabel = "SIGNAL_ID",
            description = "The signal's id, so that sending it again is harmless (default: a new random id).")
    String signalId;

    @Override
    public Integer call() {
        String sagaName = null;
        String key = null;
        if (target.key != null) {
            int colon = target.key.indexOf(':');
            if (colon <= 0 || colon == target.key.length() - 1) {
                throw new IllegalArgumentException("--key must be NAME:KEY, e.g. purchase-request:req-7; was '"
                        + target.key + "'");
            }
            sagaName = target.key.substring(0, colon);
            key = target.key.substring(colon + 1);
        }
        try (SagaStore sagas = StoreOption.openExisting(store);
             SagaClient client = SagaClient.builder(sagas)
                     .register(PurchaseRequestSaga.forClient())
                     .register(OrderFulfilmentSaga.definition(null))
                     .register(RemoteOrderFulfilmentSaga.definition())
                     .build()) {
            // Refusals (no such instance, it has ended, a payload that does not read) are SagaExceptions:
            // one line naming the cause, exit status 1; a name it does not await is a usage mistake, 2.
            SignalReceipt receipt = target.key != null ? client.signalJson(sagaName, key, name, payload, signalId)
                    : client.signalJson(new SagaId(target.sagaId), name, payload, signalId);
            System.out.printf("%s: signal '%s' id %s to saga %s%n", receipt.duplicate() ? "duplicate" : "delivered",
                    name, receipt.signalId(), receipt.sagaId().value());
            return 0;
        }
    }
}
