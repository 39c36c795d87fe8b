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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A dataset spanning more days than {@code range-cache.max-days} is never held: every range is read with SQL. */
@QuarkusTest
@TestProfile(RangeCacheLimitTest.OneDayAtMost.class)
class RangeCacheLimitTest {

    private static final LocalDate OCT_30 = LocalDate.of(2019, 10, 30);

    public static class OneDayAtMost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clicklake.kpi.range-cache.max-days", "1");
        }
    }

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
    void aDatasetLongerThanTheLimitIsReadWithSqlEveryTime() throws Exception {
        String dataset = "range-limit-test-" + UUID.randomUUID().toString().substring(0, 8);
        SilverRows generator = new SilverRows(82, 8, 12);
        List<SilverRow> rows = new ArrayList<>(generator.on(OCT_30, 40));
        rows.addAll(generator.on(OCT_30.plusDays(1), 40));
        new GoldFlow(lake, topicPrefix, codec).build(dataset, rows);
        GoldChanges.awaitListening(ranges);
        assertEquals(rows.size(), Served.summary(dataset, OCT_30, OCT_30.plusDays(2)).events());

        // no notice: a held index would still answer the old figure
        GoldChanges.addEventsUnannounced(database, dataset, OCT_30, 1000);
        assertEquals(rows.size() + 1000, Served.summary(dataset, OCT_30, OCT_30.plusDays(2)).events());
    }
}
