package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.silver.SilverDownloader;
import dev.clicklake.kpi.silver.SilverPartitionCopy;
import dev.clicklake.kpi.store.BreakdownRepository;
import dev.clicklake.kpi.store.DailyKpiRepository;
import dev.clicklake.kpi.store.IdSetsRepository;
import dev.clicklake.kpi.store.SessionDictionary;
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
    private final SilverDownloader silver;
    private final DailyAggregator aggregator;
    private final Timer rebuildTimer;

    DailyGoldService(DailyKpiRepository repository, IdSetsRepository idSets, BreakdownRepository breakdowns,
            SessionDictionary sessionDictionary,
            SilverDownloader silver, DailyAggregator aggregator, MeterRegistry meters) {
        this.repository = repository;
        this.idSets = idSets;
        this.breakdowns = breakdowns;
        this.sessionDictionary = sessionDictionary;
        this.silver = silver;
        this.aggregator = aggregator;
        this.rebuildTimer = Timer.builder("clicklake.kpi.day.rebuild")
                .description("Time to rebuild one day of gold from silver, from its lock to its last write")
                .register(meters);
    }

    /**
     * Recomputes one day inside the caller's transaction ({@link GoldBuild}): its daily_kpi row, id sets, session
     * facts and breakdowns. The day's advisory lock is taken before silver is listed: a replica that commits the
     * day after us listed silver after our commit, so it can never overwrite the day with an older view of silver.
     */
    public Optional<DailyKpi> rebuildDay(String dataset, LocalDate date) throws Exception {
        return rebuildTimer.recordCallable(() -> {
            repository.lockDay(dataset, date);
            try (SilverPartitionCopy partition = silver.download(dataset, date)) {
                Optional<DailyKpi> kpi = aggregator.aggregate(dataset, date, partition.files());
                breakdowns.deleteDay(dataset, date);
                if (kpi.isEmpty()) {
                    repository.replaceDay(dataset, date, Optional.empty());
                    idSets.replaceDay(dataset, date, Optional.empty(), List.of(), Map.of());
                } else {
                    replaceDay(dataset, date, kpi.get(), partition);
                }
                LOG.infof("gold %s %s rebuilt from %d silver files: %d events", dataset, date, partition.files().size(),
                        kpi.map(DailyKpi::events).orElse(0L));
                return kpi;
            }
        });
    }

    private void replaceDay(String dataset, LocalDate date, DailyKpi counts, SilverPartitionCopy partition)
            throws SQLException {
        DayIdentities day = aggregator.identities(date, partition.files());
        Map<String, Long> ids = sessionDictionary.idsOf(dataset,
                day.sessions().stream().map(SessionFact::session).toList());
        IdSets sets = IdSets.ofDay(day, ids);
        repository.replaceDay(dataset, date, Optional.of(PeriodFigures.ofDay(counts, sets)));
        idSets.replaceDay(dataset, date, Optional.of(sets), day.sessions(), ids);
        for (Dimension dimension : Dimension.values()) {
            try (BreakdownRepository.Writer writer = breakdowns.writer(dataset, date, dimension)) {
                aggregator.breakdown(date, partition.files(), dimension, ids, writer::add);
            }
        }
    }
}
