package dev.sagaflow.cli;

import dev.sagaflow.HistoryEvent;
import dev.sagaflow.HistoryEventType;
import dev.sagaflow.SagaQuery;
import dev.sagaflow.spi.SagaRecord;
import dev.sagaflow.spi.SagaStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks read straight from a store, after a run that crashed, paused or failed over. */
final class Histories {
    private Histories() {
    }

    static List<SagaRecord> all(SagaStore store) {
        List<SagaRecord> all = new ArrayList<>();
        for (SagaQuery page = SagaQuery.all().page(0, 1000); ; page = page.next()) {
            List<SagaRecord> rows = store.list(page);
            all.addAll(rows);
            if (rows.size() < page.limit()) {
                return all;
            }
        }
    }

    /** No step succeeded twice and no compensation was recorded twice; sequence numbers have no gap or repeat. */
    static void assertNoTransitionAppliedTwice(SagaStore store, List<SagaRecord> instances) {
        for (SagaRecord row : instances) {
            List<HistoryEvent> history = store.history(row.id());
            Set<String> succeeded = new HashSet<>();
            Set<String> compensated = new HashSet<>();
            for (int i = 0; i < history.size(); i++) {
                HistoryEvent event = history.get(i);
                assertThat(event.seq()).as("history of %s has no gap or repeat", row.idempotencyKey()).isEqualTo(i + 1);
                if (event.type() == HistoryEventType.STEP_SUCCEEDED) {
                    assertThat(succeeded.add(event.step())).as("%s succeeded twice in %s", event.step(),
                            row.idempotencyKey()).isTrue();
                }
                if (event.type() == HistoryEventType.COMPENSATION_SUCCEEDED) {
                    assertThat(compensated.add(event.step())).as("%s compensated twice in %s", event.step(),
                            row.idempotencyKey()).isTrue();
                }
            }
        }
    }
}
