package dev.clicklake.kpi.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.event.SplitRef;
import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.snapshot.SnapshotLayout;
import dev.clicklake.kpi.support.KpiTopics;
import dev.clicklake.kpi.support.Served;
import dev.clicklake.kpi.support.SilverLake;
import dev.clicklake.kpi.support.SilverRow;
import dev.clicklake.kpi.support.SilverRows;
import dev.clicklake.kpi.support.SummaryFigures;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * When gold runs behind silver, the first silver-ready of a day builds it from every split already in the lake, and
 * a later one whose days all have the silver they were built from rebuilds nothing and writes no snapshot, yet
 * announces its gold; the figures stay those of every row. A snapshot that a crash left unwritten is written by the
 * redelivered message even though its days are current.
 */
@QuarkusTest
class UnchangedDaysFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final LocalDate OCT_30 = LocalDate.of(2019, 10, 30);
    private static final LocalDate OCT_31 = LocalDate.of(2019, 10, 31);
    private static final LocalDate NOV_1 = LocalDate.of(2019, 11, 1);

    @Inject
    LakeStorage lake;

    @Inject
    LakeConfig lakeConfig;

    @Inject
    ContractCodec codec;

    @Inject
    AgroalDataSource database;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @Test
    void aDayBuiltFromEverySplitAlreadyIsNotRebuiltByTheLaterSplits() throws Exception {
        KpiTopics kafka = new KpiTopics(topicPrefix);
        SilverLake silver = new SilverLake(lake);
        String dataset = "unchanged-test-" + UUID.randomUUID().toString().substring(0, 8);
        SilverRows generator = new SilverRows(61, 20, 40);
        List<SilverRow> first = new ArrayList<>(generator.on(OCT_30, 120));
        first.addAll(generator.on(OCT_31, 80));
        List<SilverRow> second = new ArrayList<>(generator.on(OCT_31, 90));
        second.addAll(generator.on(NOV_1, 60));
        String ingestion = UUID.randomUUID().toString();
        // both splits are in silver before gold reads the first message
        SilverReady split0 = silver.land(dataset, ingestion, new SplitRef(0, 2), first);
        SilverReady split1 = silver.land(dataset, ingestion, new SplitRef(1, 2), second);
        List<SilverRow> all = new ArrayList<>(first);
        all.addAll(second);

        double unchangedBefore = unchangedDays();
        kafka.sendContract(Contract.SILVER_READY, split0, ingestion, codec);
        awaitGoldReady(kafka, ingestion, 1);
        long snapshotAfterFirst = newestSnapshot(dataset);
        kafka.sendContract(Contract.SILVER_READY, split1, ingestion, codec);
        awaitGoldReady(kafka, ingestion, 2);

        assertEquals(1, unchangedDays() - unchangedBefore, "Oct 31 was built from both splits by the first message");
        assertEquals(SummaryFigures.expected(dataset, OCT_30, NOV_1.plusDays(1), all),
                Served.summary(dataset, OCT_30, NOV_1.plusDays(1)));
        assertTrue(newestSnapshot(dataset) > snapshotAfterFirst, "Nov 1 was new: a new snapshot");

        // a redelivery changes nothing: no rebuild, no new snapshot, but its gold-ready
        long snapshotBefore = newestSnapshot(dataset);
        kafka.sendContract(Contract.SILVER_READY, split0, ingestion, codec);
        awaitGoldReady(kafka, ingestion, 3);
        assertEquals(3, unchangedDays() - unchangedBefore);
        assertEquals(snapshotBefore, newestSnapshot(dataset), "nothing changed, no snapshot");

        // gold committed, then a crash before its snapshot: the redelivered message writes it
        try (Connection connection = database.getConnection(); PreparedStatement due = connection.prepareStatement(
                "INSERT INTO gold_snapshot_due (dataset, since) VALUES (?, now())")) {
            due.setString(1, dataset);
            due.executeUpdate();
        }
        kafka.sendContract(Contract.SILVER_READY, split1, ingestion, codec);
        awaitGoldReady(kafka, ingestion, 4);
        assertEquals(5, unchangedDays() - unchangedBefore);
        assertTrue(newestSnapshot(dataset) > snapshotBefore, "the snapshot the crash left unwritten");
        assertEquals(SummaryFigures.expected(dataset, OCT_30, NOV_1.plusDays(1), all),
                Served.summary(dataset, OCT_30, NOV_1.plusDays(1)));
    }

    private double unchangedDays() {
        // registered when the day builder is first used: none yet counts as zero
        var counter = meters.find("clicklake.kpi.day.unchanged").counter();
        return counter == null ? 0 : counter.count();
    }

    private long newestSnapshot(String dataset) throws Exception {
        return lake.list(LakeLocation.of(lakeConfig.containers().gold(), SnapshotLayout.manifestsPrefix(dataset))).stream()
                .map(object -> SnapshotLayout.versionOf(object.location().path()).orElseThrow())
                .max(Long::compare).orElse(0L);
    }

    private void awaitGoldReady(KpiTopics kafka, String ingestion, int count) {
        kafka.await(Contract.GOLD_READY.contractName(), count, record -> ingestion.equals(record.key()), WAIT);
    }
}
