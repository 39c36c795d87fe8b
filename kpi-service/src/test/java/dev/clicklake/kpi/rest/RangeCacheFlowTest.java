package dev.clicklake.kpi.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.gold.RangeFigures;
import dev.clicklake.kpi.support.GoldChanges;
import dev.clicklake.kpi.support.GoldFlow;
import dev.clicklake.kpi.support.Served;
import dev.clicklake.kpi.support.SilverRow;
import dev.clicklake.kpi.support.SilverRows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Ranges are served from memory while the replica listens to gold changes, and a change committed by another
 * replica (here: written straight into PostgreSQL with its notice) reaches the served figures through
 * PostgreSQL's LISTEN/NOTIFY alone, with no request to this replica.
 */
@QuarkusTest
class RangeCacheFlowTest {

    private static final LocalDate OCT_30 = LocalDate.of(2019, 10, 30);
    private static final LocalDate NOV_1 = LocalDate.of(2019, 11, 1);

    @Inject
    LakeStorage lake;

    @Inject
    ContractCodec codec;

    @Inject
    AgroalDataSource database;

    @Inject
    RangeFigures ranges;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @Test
    void anotherReplicasCommitReachesTheServedFiguresThroughItsNotice() throws Exception {
        String dataset = "range-cache-test-" + UUID.randomUUID().toString().substring(0, 8);
        SilverRows generator = new SilverRows(81, 8, 12);
        List<SilverRow> rows = new ArrayList<>(generator.on(OCT_30, 60));
        rows.addAll(generator.on(OCT_30.plusDays(1), 60));
        new GoldFlow(lake, topicPrefix, codec).build(dataset, rows);
        GoldChanges.awaitListening(ranges);
        long events = Served.summary(dataset, OCT_30, NOV_1).events();
        assertEquals(rows.size(), events);

        // a write without a notice is not seen: the figures come from memory
        GoldChanges.addEventsUnannounced(database, dataset, OCT_30, 1000);
        assertEquals(events, Served.summary(dataset, OCT_30, NOV_1).events());

        // the notice another replica's gold build sends at its commit
        GoldChanges.announce(database, dataset);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Served.summary(dataset, OCT_30, NOV_1).events() != events + 1000 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(events + 1000, Served.summary(dataset, OCT_30, NOV_1).events());
    }
}
