package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.config.KpiConfig;
import dev.clicklake.kpi.snapshot.GoldSnapshots;
import dev.clicklake.kpi.store.DailyKpiEntity;
import dev.clicklake.kpi.store.DailyKpiRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Brings gold built by older versions up to date at start-up: days built before gold v3 are rebuilt from silver
 * (which fills their new columns and breakdowns) with their grains; datasets whose range corrections were never
 * built (gold from before V11) get their grains recomputed from their days. Each is then snapshotted. Bounded per
 * start; idempotent like any rebuild.
 */
@ApplicationScoped
public class GoldBackfill {

    private static final Logger LOG = Logger.getLogger(GoldBackfill.class);

    private final DailyKpiRepository daily;
    private final GoldBuild build;
    private final GoldSnapshots snapshots;
    private final boolean snapshotsEnabled;
    private final KpiConfig.Backfill config;

    GoldBackfill(DailyKpiRepository daily, GoldBuild build, GoldSnapshots snapshots, KpiConfig config) {
        this.daily = daily;
        this.build = build;
        this.snapshots = snapshots;
        this.snapshotsEnabled = config.snapshot().enabled();
        this.config = config.backfill();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            Thread thread = new Thread(this::runLogged, "gold-v3-backfill");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Rebuilds up to the configured number of pre-v3 days and their grains, then the grains of the datasets
     * without range corrections; returns how many days and datasets.
     */
    public int run() {
        int days = rebuildDaysBeforeV3();
        List<String> datasets = QuarkusTransaction.requiringNew().call(daily::datasetsWithoutRangeCorrections);
        for (String dataset : datasets) {
            build.rebuildGrains(dataset);
            if (snapshotsEnabled) {
                snapshots.write(dataset);
            }
            LOG.infof("gold backfill: %s, range corrections built", dataset);
        }
        return days + datasets.size();
    }

    private int rebuildDaysBeforeV3() {
        List<DailyKpiEntity.Key> stale = QuarkusTransaction.requiringNew().call(() -> daily.daysBeforeV3(config.maxDays()));
        if (stale.isEmpty()) {
            return 0;
        }
        LOG.infof("gold v3 backfill: rebuilding %d days built before v3 (at most %d per start)", stale.size(),
                config.maxDays());
        Map<String, List<LocalDate>> byDataset = stale.stream().collect(Collectors.groupingBy(
                DailyKpiEntity.Key::dataset, TreeMap::new, Collectors.mapping(DailyKpiEntity.Key::eventDate, Collectors.toList())));
        byDataset.forEach((dataset, dates) -> {
            build.rebuild(dataset, dates, true);
            if (snapshotsEnabled) {
                snapshots.write(dataset);
            }
            LOG.infof("gold v3 backfill: %s, %d days rebuilt", dataset, dates.size());
        });
        return stale.size();
    }

    private void runLogged() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("gold v3 backfill stopped; the remaining days are rebuilt at the next start or by new silver", e);
        }
    }
}
