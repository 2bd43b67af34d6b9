package dev.sagaflow.cli;

import dev.sagaflow.SagaQuery;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists sagas, newest first, by the filters given (all of them apply).",
                "Example: sagaflow saga list --store DIR/sagas.db --flagged --since 1h",
                "JSON: {\"sagas\":[{\"id\",\"sagaName\",\"sagaVersion\",\"state\",\"flag\",\"idempotencyKey\","
                        + "\"correlationId\",\"attempts\",\"createdAt\",\"updatedAt\",\"nextWakeAt\",\"version\"}],"
                        + "\"offset\",\"limit\",\"more\"}"})
final class SagaListCommand implements Callable<Integer> {
    @Mixin
    SagaStoreOptions store;

    @Mixin
    SagaFilterOptions filters;

    @Override
    public Integer call() {
        SagaQuery query = filters.query(50);
        try (SagaStore sagas = store.open()) {
            // One more than asked: tells whether there are more, without counting them all.
            List<SagaRecord> page = sagas.list(query.page(query.offset(), Math.min(1000, query.limit() + 1)));
            boolean more = page.size() > query.limit();
            List<SagaRecord> shown = page.subList(0, Math.min(page.size(), query.limit()));
            if (store.json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("sagas", shown.stream().map(SagaViews::summary).toList());
                doc.put("offset", query.offset());
                doc.put("limit", query.limit());
                doc.put("more", more);
                Rendering.json(System.out, doc);
                return 0;
            }
            table(shown).print(System.out);
            System.out.println(shown.size() + (shown.size() == 1 ? " saga" : " sagas")
                    + (more ? "; more match: --offset " + (query.offset() + query.limit()) + " for the next page" : ""));
            return 0;
        }
    }

    static Rendering.Table table(List<SagaRecord> rows) {
        Rendering.Table table = new Rendering.Table("ID", "SAGA", "STATE", "FLAG", "KEY", "ATTEMPTS", "CREATED", "UPDATED");
        for (SagaRecord r : rows) {
            table.row(r.id(), r.sagaName(), r.state(), r.flag(), r.idempotencyKey(), r.attemptsMade(),
                    Rendering.time(r.createdAt()), Rendering.time(r.updatedAt()));
        }
        return table;
    }
}
