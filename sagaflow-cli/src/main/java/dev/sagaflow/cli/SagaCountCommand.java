package dev.sagaflow.cli;

import dev.sagaflow.SagaState;
import dev.sagaflow.spi.SagaStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

@Command(name = "count", mixinStandardHelpOptions = true,
        description = {"Counts sagas by saga name and state.",
                "Example: sagaflow saga count --store DIR/sagas.db --state COMPENSATION_STALLED,COMPENSATING",
                "JSON: {\"counts\":{\"NAME\":{\"STATE\":N}},\"total\":N}"})
final class SagaCountCommand implements Callable<Integer> {
    @Mixin
    SagaStoreOptions store;

    @Option(names = "--name", paramLabel = "SAGA", description = "Only sagas of this name.")
    String name;

    @Option(names = "--state", paramLabel = "STATES", split = ",", description = "Only these states, comma-separated.")
    List<String> states;

    @Override
    public Integer call() {
        Set<SagaState> wanted = SagaFilterOptions.parseStates(states);
        try (SagaStore sagas = store.open()) {
            Map<String, Map<String, Long>> counts = new TreeMap<>();
            long total = 0;
            for (Map.Entry<String, Map<SagaState, Long>> byName : sagas.countByNameAndState().entrySet()) {
                if (name != null && !name.equals(byName.getKey())) {
                    continue;
                }
                for (Map.Entry<SagaState, Long> byState : byName.getValue().entrySet()) {
                    if (wanted.isEmpty() || wanted.contains(byState.getKey())) {
                        counts.computeIfAbsent(byName.getKey(), n -> new LinkedHashMap<>())
                                .put(byState.getKey().name(), byState.getValue());
                        total += byState.getValue();
                    }
                }
            }
            if (store.json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("counts", counts);
                doc.put("total", total);
                Rendering.json(System.out, doc);
                return 0;
            }
            Rendering.Table table = new Rendering.Table("SAGA", "STATE", "COUNT");
            counts.forEach((saga, byState) -> byState.forEach((state, n) -> table.row(saga, state, n)));
            table.print(System.out);
            System.out.println("total " + total);
            return 0;
        }
    }
}
