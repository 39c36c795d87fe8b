package dev.clicklake.kpi.gold;

import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.kpi.config.KpiConfig;
import dev.clicklake.kpi.store.CatalogRepository;
import dev.clicklake.kpi.store.IdSetsRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds days of gold and everything that depends on them in ONE transaction: the days from silver
 * ({@link DailyGoldService}), then the range corrections, months and dataset ({@link GrainService}), and, for a
 * silver-ready, its split's row in the dataset catalog ({@link CatalogRepository}). A reader
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
    private final CatalogRepository catalog;
    private final int dayTimeoutSeconds;

    GoldBuild(DailyGoldService days, GrainService grains, IdSetsRepository idSets, RangeFigures ranges,
            CatalogRepository catalog, KpiConfig config) {
        this.catalog = catalog;
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
        return rebuild(dataset, dates, force, Optional.empty());
    }

    /**
     * As {@link #rebuild(String, Collection)} for the days of {@code silverReady}, recording its split in the dataset
     * catalog in the same transaction (also when it names no day: a split whose every row was rejected).
     */
    public List<LocalDate> rebuild(SilverReady silverReady, Collection<LocalDate> dates) {
        return rebuild(silverReady.dataset(), dates, false, Optional.of(silverReady));
    }

    private List<LocalDate> rebuild(String dataset, Collection<LocalDate> dates, boolean force,
            Optional<SilverReady> split) {
        List<LocalDate> sorted = dates.stream().distinct().sorted().toList();
        if (sorted.isEmpty() && split.isEmpty()) {
            return List.of();
        }
        List<LocalDate> rebuilt = QuarkusTransaction.requiringNew().timeout(dayTimeoutSeconds * (sorted.size() + 1)).call(() -> {
            List<LocalDate> changed = List.of();
            if (!sorted.isEmpty()) {
                changed = days.rebuildDays(dataset, sorted, force);
                grains.rebuild(dataset, changed);
            }
            if (split.isPresent()) {
                catalog.record(split.get());
            }
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
