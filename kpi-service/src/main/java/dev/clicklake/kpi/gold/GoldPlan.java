package dev.clicklake.kpi.gold;

import dev.clicklake.contracts.event.GoldReady;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import java.time.LocalDate;
import java.util.List;

/** What a silver-ready message asks gold to recompute, and the gold-ready that announces it. */
public final class GoldPlan {

    /** The grains every rebuild recomputes: the touched days, their months, the whole dataset. */
    public static final List<String> GRAINS = List.of("day", "month", "dataset");
    /** The PostgreSQL tables a rebuild replaces rows of, day grain first. */
    public static final List<String> TABLES = List.of("daily_kpi", "daily_id_sets", "daily_session_facts",
            "daily_category_kpi", "daily_brand_kpi", "hourly_kpi", "breakdown_id_sets", "range_corrections", "monthly_kpi",
            "dataset_kpi");

    private GoldPlan() {
    }

    /** Every event date the message's silver files touch, sorted and unique. */
    public static List<LocalDate> datesToRebuild(SilverReady silverReady) {
        return silverReady.files().stream().map(SilverFile::eventDate).distinct().sorted().toList();
    }

    /** The announcement of {@code rebuilt} dates; a split that wrote no rows changed no grain and no table. */
    public static GoldReady goldReady(SilverReady silverReady, List<LocalDate> rebuilt) {
        List<String> grains = rebuilt.isEmpty() ? List.of() : GRAINS;
        List<String> tables = rebuilt.isEmpty() ? List.of() : TABLES;
        return new GoldReady(silverReady.ingestionId(), silverReady.dataset(), silverReady.split(), rebuilt, grains,
                tables, GoldReady.GOLD_KPI_V1);
    }
}
