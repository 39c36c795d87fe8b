package dev.clicklake.kpi.gold;

import dev.clicklake.contracts.event.GoldReady;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import java.time.LocalDate;
import java.util.List;

/** What a silver-ready message asks gold to recompute, and the gold-ready that announces it. */
public final class GoldPlan {

    /** The gold grain kept today. */
    public static final String DAY = "day";
    /** The PostgreSQL table holding the day grain. */
    public static final String DAILY_TABLE = "daily_kpi";

    private GoldPlan() {
    }

    /** Every event date the message's silver files touch, sorted and unique. */
    public static List<LocalDate> datesToRebuild(SilverReady silverReady) {
        return silverReady.files().stream().map(SilverFile::eventDate).distinct().sorted().toList();
    }

    /** The announcement of {@code rebuilt} dates; a split that wrote no rows changed no grain and no table. */
    public static GoldReady goldReady(SilverReady silverReady, List<LocalDate> rebuilt) {
        List<String> grains = rebuilt.isEmpty() ? List.of() : List.of(DAY);
        List<String> tables = rebuilt.isEmpty() ? List.of() : List.of(DAILY_TABLE);
        return new GoldReady(silverReady.ingestionId(), silverReady.dataset(), silverReady.split(), rebuilt, grains,
                tables, GoldReady.GOLD_KPI_V1);
    }
}
