package dev.clicklake.kpi.gold;

import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.kpi.silver.SilverDownloader;
import dev.clicklake.kpi.silver.SilverPartitionCopy;
import dev.clicklake.kpi.store.BreakdownRepository;
import dev.clicklake.kpi.store.DailyKpiRepository;
import dev.clicklake.kpi.store.DaySourcesRepository;
import dev.clicklake.kpi.store.IdSetsRepository;
import dev.clicklake.kpi.store.SessionDictionary;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Rebuilds the day grain of gold from silver. A day is recomputed from ALL its silver files, whichever
 * messages wrote them, so the result is exact and a redelivered message changes nothing.
 */
@ApplicationScoped
public class DailyGoldService {

    private static final Logger LOG = Logger.getLogger(DailyGoldService.class);

    private final DailyKpiRepository repository;
    private final IdSetsRepository idSets;
    private final BreakdownRepository breakdowns;
    private final SessionDictionary sessionDictionary;
    private final DaySourcesRepository daySources;
    private final SilverDownloader silver;
    private final DailyAggregator aggregator;
    private final Timer rebuildTimer;
    private final Counter unchanged;

    DailyGoldService(DailyKpiRepository repository, IdSetsRepository idSets, BreakdownRepository breakdowns,
            SessionDictionary sessionDictionary, DaySourcesRepository daySources,
            SilverDownloader silver, DailyAggregator aggregator, MeterRegistry meters) {
        this.daySources = daySources;
        this.repository = repository;
        this.idSets = idSets;
        this.breakdowns = breakdowns;
        this.sessionDictionary = sessionDictionary;
        this.silver = silver;
        this.aggregator = aggregator;
        this.rebuildTimer = Timer.builder("clicklake.kpi.day.rebuild")
                .description("Time to rebuild one day of gold from silver, from its lock to its last write")
                .register(meters);
        this.unchanged = Counter.builder("clicklake.kpi.day.unchanged")
                .description("Days a silver-ready named that were already built from the silver they have now")
                .register(meters);
    }

    /**
     * Recomputes one day inside the caller's transaction ({@link GoldBuild}): its daily_kpi row, id sets, session
     * facts and breakdowns, unless {@code force} is false and the day was last built from the very silver files it
     * has now ({@link SilverFingerprint}). The day's advisory lock is taken before silver is listed: a replica that
     * commits the day after us listed silver after our commit, so it can never overwrite the day with an older view
     * of silver.
     *
     * @return whether the day was rebuilt (false: its gold was already that of its silver)
     */
    public boolean rebuildDay(String dataset, LocalDate date, boolean force) throws Exception {
        return rebuildTimer.recordCallable(() -> {
            repository.lockDay(dataset, date);
            List<LakeObject> objects = silver.list(dataset, date);
            SilverFingerprint sources = SilverFingerprint.of(objects);
            if (!force && sources.hex().equals(daySources.fingerprint(dataset, date).orElse(null))) {
                unchanged.increment();
                LOG.debugf("gold %s %s unchanged: built from its %d silver files already", dataset, date, objects.size());
                return false;
            }
            try (SilverPartitionCopy partition = silver.download(dataset, date, objects)) {
                breakdowns.deleteDay(dataset, date);
                Optional<DailyKpi> kpi = Optional.empty();
                if (!partition.files().isEmpty()) {
                    try (DayScan scan = aggregator.scan(dataset, date, partition.files())) {
                        kpi = scan.figures();
                        if (kpi.isPresent()) {
                            replaceDay(dataset, date, kpi.get(), scan);
                        }
                    }
                }
                if (kpi.isEmpty()) {
                    repository.replaceDay(dataset, date, Optional.empty());
                    idSets.replaceDay(dataset, date, Optional.empty(), List.of(), Map.of());
                }
                daySources.record(dataset, date, sources);
                LOG.infof("gold %s %s rebuilt from %d silver files: %d events", dataset, date, partition.files().size(),
                        kpi.map(DailyKpi::events).orElse(0L));
                return true;
            }
        });
    }

    private void replaceDay(String dataset, LocalDate date, DailyKpi counts, DayScan scan) throws SQLException {
        DayIdentities day = scan.identities();
        Map<String, Long> ids = sessionDictionary.idsOf(dataset,
                day.sessions().stream().map(SessionFact::session).toList());
        IdSets sets = IdSets.ofDay(day, ids);
        repository.replaceDay(dataset, date, Optional.of(PeriodFigures.ofDay(counts, sets)));
        idSets.replaceDay(dataset, date, Optional.of(sets), day.sessions(), ids);
        scan.numberSessions(ids);
        for (Dimension dimension : Dimension.values()) {
            try (BreakdownRepository.Writer writer = breakdowns.writer(dataset, date, dimension)) {
                scan.breakdown(dimension, writer::add);
            }
        }
    }
}
