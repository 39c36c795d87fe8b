package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.config.KpiConfig;
import dev.clicklake.kpi.store.IdSetsRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Rebuilds days of gold and everything that depends on them in ONE transaction: the days from silver
 * ({@link DailyGoldService}), then the range corrections, months and dataset ({@link GrainService}). A reader
 * sees gold before or after the whole update, never new days beside old corrections. Locks are taken in one
 * global order (days ascending, then months ascending, then the dataset), so concurrent builds of overlapping
 * days wait for each other and never deadlock.
 */
@ApplicationScoped
public class GoldBuild {

    private final DailyGoldService days;
    private final GrainService grains;
    private final IdSetsRepository idSets;
    private final RangeFigures ranges;
    private final int dayTimeoutSeconds;

    GoldBuild(DailyGoldService days, GrainService grains, IdSetsRepository idSets, RangeFigures ranges,
            KpiConfig config) {
        this.ranges = ranges;
        this.days = days;
        this.grains = grains;
        this.idSets = idSets;
        this.dayTimeoutSeconds = Math.toIntExact(config.dayRebuildTimeout().toSeconds());
    }

    /**
     * Brings {@code dates} of {@code dataset} up to date with their silver, and its grains, committed together or not
     * at all; days already built from the silver they have now are left as they are, and when none changed, nothing
     * is. This replica's range figures of the dataset are dropped once committed (other replicas' when PostgreSQL
     * tells them).
     *
     * @return the days that were rebuilt
     */
    public List<LocalDate> rebuild(String dataset, Collection<LocalDate> dates) {
        return rebuild(dataset, dates, false);
    }

    /** As {@link #rebuild(String, Collection)}; with {@code force}, every day is rebuilt whatever it was built from. */
    public List<LocalDate> rebuild(String dataset, Collection<LocalDate> dates, boolean force) {
        List<LocalDate> sorted = dates.stream().distinct().sorted().toList();
        if (sorted.isEmpty()) {
            return List.of();
        }
        List<LocalDate> rebuilt = QuarkusTransaction.requiringNew().timeout(dayTimeoutSeconds * (sorted.size() + 1)).call(() -> {
            List<LocalDate> changed = days.rebuildDays(dataset, sorted, force);
            grains.rebuild(dataset, changed);
            return changed;
        });
        if (!rebuilt.isEmpty()) {
            ranges.invalidate(dataset);
        }
        return rebuilt;
    }

    /**
     * Recomputes the grains of every day {@code dataset} has (its range corrections, months and whole dataset)
     * without touching the days: for gold whose days are current but whose grains an older version built.
     */
    public void rebuildGrains(String dataset) {
        QuarkusTransaction.requiringNew().timeout(dayTimeoutSeconds).call(() -> {
            grains.rebuild(dataset, idSets.days(dataset));
            return null;
        });
        ranges.invalidate(dataset);
    }
}
