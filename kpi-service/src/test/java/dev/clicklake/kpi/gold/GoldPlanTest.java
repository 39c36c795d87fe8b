package dev.clicklake.kpi.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.DateRange;
import dev.clicklake.contracts.event.GoldReady;
import dev.clicklake.contracts.event.RowCounts;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.event.SplitRef;
import dev.clicklake.contracts.storage.LakeLocation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoldPlanTest {

    private static final String INGESTION = "0f8fad5b-d9cb-469f-a165-70867728950e";
    private static final LocalDate OCT_31 = LocalDate.of(2019, 10, 31);
    private static final LocalDate NOV_1 = LocalDate.of(2019, 11, 1);

    private final ContractCodec codec = new ContractCodec();

    @Test
    void rebuildsEachTouchedDateOnceInOrder() {
        SilverReady message = silverReady(List.of(file(NOV_1, 0), file(OCT_31, 1), file(NOV_1, 2)));

        assertEquals(List.of(OCT_31, NOV_1), GoldPlan.datesToRebuild(message));
    }

    @Test
    void announcesEveryGrainAndTableOfTheRebuiltDatesForTheSameSplit() {
        SilverReady message = silverReady(List.of(file(OCT_31, 0), file(NOV_1, 0)));

        GoldReady goldReady = GoldPlan.goldReady(message, List.of(OCT_31, NOV_1));

        assertEquals(new GoldReady(INGESTION, "rees46", new SplitRef(3, 8), List.of(OCT_31, NOV_1), List.of("day", "month", "dataset"),
                List.of("daily_kpi", "daily_id_sets", "daily_session_facts", "daily_category_kpi", "daily_brand_kpi",
                        "hourly_kpi", "breakdown_id_sets", "range_corrections", "monthly_kpi", "dataset_kpi"), GoldReady.GOLD_KPI_V1), goldReady);
        assertTrue(codec.violations(Contract.GOLD_READY, codec.mapper().valueToTree(goldReady)).isEmpty());
    }

    @Test
    void aSplitWithoutRowsChangesNoGrainAndNoTable() {
        SilverReady message = silverReady(List.of());

        GoldReady goldReady = GoldPlan.goldReady(message, GoldPlan.datesToRebuild(message));

        assertEquals(List.of(), goldReady.eventDates());
        assertEquals(List.of(), goldReady.grains());
        assertEquals(List.of(), goldReady.tables());
        assertTrue(codec.violations(Contract.GOLD_READY, codec.mapper().valueToTree(goldReady)).isEmpty());
    }

    private static SilverReady silverReady(List<SilverFile> files) {
        long rows = files.stream().mapToLong(SilverFile::rows).sum();
        return new SilverReady(INGESTION, "rees46", LakeLocation.of("bronze", "rees46/2019-Oct.csv"), new SplitRef(3, 8),
                files, null, new RowCounts(rows, rows, 0, 0, Map.of()),
                files.isEmpty() ? null : new DateRange(OCT_31, NOV_1), SilverReady.SILVER_EVENTS_V1);
    }

    private static SilverFile file(LocalDate date, int split) {
        return new SilverFile("silver", "rees46/events/event_date=%s/%s-%05d.parquet".formatted(date, INGESTION, split), 100,
                "0".repeat(64), 10, date);
    }
}
