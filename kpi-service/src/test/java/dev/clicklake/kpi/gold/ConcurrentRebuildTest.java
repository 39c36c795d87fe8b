package dev.clicklake.kpi.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clicklake.contracts.event.SplitRef;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.support.GoldTables;
import dev.clicklake.kpi.support.Measures;
import dev.clicklake.kpi.support.SilverLake;
import dev.clicklake.kpi.support.SilverRow;
import dev.clicklake.kpi.support.SilverRows;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Four "replicas" (threads) rebuild overlapping days of two months and their grains at once, each in its own
 * order, as several kpi-service replicas do on one ingestion's splits: no deadlock, and the month and dataset
 * rows end exact (computed in plain Java from the rows written), never an older view.
 */
@QuarkusTest
class ConcurrentRebuildTest {

    private static final LocalDate OCT_29 = LocalDate.of(2019, 10, 29);

    @Inject
    LakeStorage lake;

    @Inject
    AgroalDataSource database;

    @Inject
    GoldBuild build;

    @Test
    void replicasRebuildingOverlappingDaysAndMonthsEndExact() throws Exception {
        String dataset = "concurrent-test-" + UUID.randomUUID().toString().substring(0, 8);
        SilverRows generator = new SilverRows(61, 20, 50);
        List<SilverRow> rows = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (int day = 0; day < 6; day++) {
            dates.add(OCT_29.plusDays(day));
            rows.addAll(generator.on(OCT_29.plusDays(day), 120));
        }
        new SilverLake(lake).land(dataset, UUID.randomUUID().toString(), new SplitRef(0, 1), rows);

        ExecutorService replicas = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        // overlapping shares of the six days that together cover them all, each replica in its own order
        List<List<Integer>> shares = List.of(List.of(0, 1, 2, 3), List.of(2, 3, 4, 5), List.of(0, 1, 4, 5),
                List.of(1, 2, 3, 4));
        for (int replica = 0; replica < shares.size(); replica++) {
            List<LocalDate> mine = new ArrayList<>(shares.get(replica).stream().map(dates::get).toList());
            Collections.shuffle(mine, new Random(replica));
            done.add(replicas.submit(() -> {
                build.rebuild(dataset, mine);
                return null;
            }));
        }
        for (Future<?> replica : done) {
            replica.get();
        }
        replicas.shutdown();

        Map<LocalDate, Measures> months = new TreeMap<>();
        for (LocalDate month : List.of(LocalDate.of(2019, 10, 1), LocalDate.of(2019, 11, 1))) {
            months.put(month, Measures.expected(month, month.plusMonths(1), rows));
        }
        GoldTables tables = new GoldTables(database);
        assertEquals(months, tables.months(dataset));
        assertEquals(Optional.of(Map.entry("2019-10-29..2019-11-03 6", Measures.expected(OCT_29, OCT_29.plusDays(6), rows))),
                tables.dataset(dataset));
    }
}
