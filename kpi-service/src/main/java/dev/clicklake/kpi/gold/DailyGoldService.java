package dev.clicklake.kpi.gold;

import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.kpi.config.KpiConfig;
import dev.clicklake.kpi.silver.SilverDownloader;
import dev.clicklake.kpi.silver.SilverPartitionCopy;
import dev.clicklake.kpi.store.BreakdownCsv;
import dev.clicklake.kpi.store.BreakdownRepository;
import dev.clicklake.kpi.store.DailyKpiRepository;
import dev.clicklake.kpi.store.DaySourcesRepository;
import dev.clicklake.kpi.store.IdSetsRepository;
import dev.clicklake.kpi.store.SessionDictionary;
import dev.clicklake.kpi.store.SessionFactsCsv;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    private final int dayReaders;

    DailyGoldService(DailyKpiRepository repository, IdSetsRepository idSets, BreakdownRepository breakdowns,
            SessionDictionary sessionDictionary, DaySourcesRepository daySources,
            SilverDownloader silver, DailyAggregator aggregator, MeterRegistry meters, KpiConfig config) {
        if (config.dayReaders() < 1 || config.dayReaders() > 16) {
            throw new IllegalArgumentException("clicklake.kpi.day-readers must be 1 to 16, not " + config.dayReaders());
        }
        this.dayReaders = config.dayReaders();
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
     * Brings {@code dates} (ascending) of {@code dataset} up to date inside the caller's transaction ({@link
     * GoldBuild}): each day's daily_kpi row, id sets, session facts and breakdowns, unless {@code force} is false and
     * the day was last built from the very silver files it has now ({@link SilverFingerprint}).
     *
     * <p>Each day's advisory lock is taken before its silver is listed: a replica that commits the day after us listed
     * silver after our commit, so it can never overwrite the day with an older view of silver. Days are locked in
     * ascending order. While a day is written to PostgreSQL (on this thread, in the transaction), the next {@code
     * clicklake.kpi.day-readers} days are read on threads of their own: their silver downloaded and scanned, their
     * sessions numbered (in transactions of their own, as always), their id sets built and their breakdowns written as
     * CSV files for COPY; the days' scans share one DuckDB database and its memory limit. Days are written in date
     * order.
     *
     * @return the days that were rebuilt (the others' gold was already that of their silver)
     */
    public List<LocalDate> rebuildDays(String dataset, List<LocalDate> dates, boolean force) throws Exception {
        List<LocalDate> rebuilt = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(dayReaders, runnable -> {
            Thread thread = new Thread(runnable, "gold-day-reader");
            thread.setDaemon(true);
            return thread;
        });
        // the days being read, in date order: each is written once the days before it are
        Deque<Future<PreparedDay>> pending = new ArrayDeque<>();
        DailyAggregator.Engine engine = aggregator.engine();
        try {
            for (LocalDate date : dates) {
                long started = System.nanoTime();
                repository.lockDay(dataset, date);
                List<LakeObject> objects = silver.list(dataset, date);
                SilverFingerprint sources = SilverFingerprint.of(objects);
                if (!force && sources.hex().equals(daySources.fingerprint(dataset, date).orElse(null))) {
                    unchanged.increment();
                    LOG.debugf("gold %s %s unchanged: built from its %d silver files already", dataset, date, objects.size());
                    continue;
                }
                pending.addLast(readers.submit(() -> prepare(engine, dataset, date, objects, sources, started)));
                rebuilt.add(date);
                if (pending.size() > dayReaders) {
                    write(dataset, pending.removeFirst());
                }
            }
            while (!pending.isEmpty()) {
                write(dataset, pending.removeFirst());
            }
        } finally {
            // the days being read are waited for before their database closes
            while (!pending.isEmpty()) {
                discard(pending.removeFirst());
            }
            readers.shutdownNow();
            engine.close();
        }
        return rebuilt;
    }

    /** A day read from silver, ready to be written: its local folder (deleted by {@link #close}). */
    private record PreparedDay(LocalDate date, SilverFingerprint sources, SilverPartitionCopy partition,
            Optional<DailyKpi> kpi, IdSets sets, Path sessionFacts, List<BreakdownCsv.Written> breakdowns, long started)
            implements AutoCloseable {

        @Override
        public void close() {
            partition.close();
        }
    }

    /**
     * Off the transaction: downloads and scans the day, numbers its sessions, builds its id sets, and writes its
     * session facts and breakdowns as CSV files for COPY beside its silver copies.
     */
    private PreparedDay prepare(DailyAggregator.Engine engine, String dataset, LocalDate date, List<LakeObject> objects,
            SilverFingerprint sources, long started) throws Exception {
        SilverPartitionCopy partition = silver.download(dataset, date, objects);
        try {
            if (partition.files().isEmpty()) {
                return new PreparedDay(date, sources, partition, Optional.empty(), null, null, List.of(), started);
            }
            try (DayScan scan = engine.scan(dataset, date, partition.files())) {
                Optional<DailyKpi> kpi = scan.figures();
                if (kpi.isEmpty()) {
                    return new PreparedDay(date, sources, partition, kpi, null, null, List.of(), started);
                }
                try (DayScan.SessionIds ids = scan.sessionIds()) {
                    sessionDictionary.number(dataset, scan.sessions(), ids);
                }
                IdSets sets;
                SessionFactsCsv facts = new SessionFactsCsv(dataset, date, partition.folder());
                try (facts) {
                    sets = scan.idSets(facts);
                }
                List<BreakdownCsv.Written> breakdowns = new ArrayList<>();
                for (Dimension dimension : Dimension.values()) {
                    BreakdownCsv csv = new BreakdownCsv(dataset, date, dimension, partition.folder());
                    try (csv) {
                        scan.breakdown(dimension, csv::add);
                    }
                    breakdowns.add(csv.written());
                }
                return new PreparedDay(date, sources, partition, kpi, sets, facts.file(), breakdowns, started);
            }
        } catch (Exception | Error e) {
            partition.close();
            throw e;
        }
    }

    /** In the transaction: replaces the day's rows with what {@link #prepare} read, and records its sources. */
    private void write(String dataset, Future<PreparedDay> future) throws Exception {
        try (PreparedDay day = awaited(future)) {
            LocalDate date = day.date();
            breakdowns.deleteDay(dataset, date);
            if (day.kpi().isEmpty()) {
                repository.replaceDay(dataset, date, Optional.empty());
                idSets.replaceDay(dataset, date, Optional.empty(), Optional.empty());
            } else {
                repository.replaceDay(dataset, date, Optional.of(PeriodFigures.ofDay(day.kpi().get(), day.sets())));
                idSets.replaceDay(dataset, date, Optional.of(day.sets()), Optional.of(day.sessionFacts()));
                for (BreakdownCsv.Written files : day.breakdowns()) {
                    breakdowns.copy(files);
                }
            }
            daySources.record(dataset, date, day.sources());
            rebuildTimer.record(System.nanoTime() - day.started(), TimeUnit.NANOSECONDS);
            LOG.infof("gold %s %s rebuilt from %d silver files: %d events", dataset, date, day.partition().files().size(),
                    day.kpi().map(DailyKpi::events).orElse(0L));
        }
    }

    private static PreparedDay awaited(Future<PreparedDay> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** A day read for a build that failed: waits for the read to end, then deletes what it left. */
    private static void discard(Future<PreparedDay> future) {
        try (PreparedDay day = awaited(future)) {
            LOG.debugf("gold day %s read and discarded: the build failed", day.date());
        } catch (Exception e) {
            LOG.debugf("gold day read failed as its build did: %s", e.toString());
        }
    }
}
