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
 * Brings days built before gold v3 up to v3: rebuilds each from silver (which fills its new columns and
 * breakdowns), then recomputes its months and dataset and snapshots them. Bounded per start; idempotent like
 * any rebuild.
 */
@ApplicationScoped
public class GoldBackfill {

    private static final Logger LOG = Logger.getLogger(GoldBackfill.class);

    private final DailyKpiRepository daily;
    private final DailyGoldService days;
    private final GrainService grains;
    private final GoldSnapshots snapshots;
    private final boolean snapshotsEnabled;
    private final KpiConfig.Backfill config;

    GoldBackfill(DailyKpiRepository daily, DailyGoldService days, GrainService grains, GoldSnapshots snapshots,
            KpiConfig config) {
        this.daily = daily;
        this.days = days;
        this.grains = grains;
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

    /** Rebuilds up to the configured number of pre-v3 days and their grains; returns how many days. */
    public int run() {
        List<DailyKpiEntity.Key> stale = QuarkusTransaction.requiringNew().call(() -> daily.daysBeforeV3(config.maxDays()));
        if (stale.isEmpty()) {
            return 0;
        }
        LOG.infof("gold v3 backfill: rebuilding %d days built before v3 (at most %d per start)", stale.size(),
                config.maxDays());
        Map<String, List<LocalDate>> byDataset = stale.stream().collect(Collectors.groupingBy(
                DailyKpiEntity.Key::dataset, TreeMap::new, Collectors.mapping(DailyKpiEntity.Key::eventDate, Collectors.toList())));
        byDataset.forEach((dataset, dates) -> {
            dates.forEach(date -> days.rebuildDay(dataset, date));
            grains.rebuild(dataset, dates);
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
