package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.config.KpiConfig;
import dev.clicklake.kpi.store.GoldChangeFeed;
import dev.clicklake.kpi.store.IdSetsRepository;
import dev.clicklake.kpi.store.RangeCorrectionsRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The exact figures of any day range of a dataset. Served from a {@link RangeIndex} per dataset held in memory
 * while this replica listens to gold changes ({@link GoldChangeFeed}): an index is dropped when its dataset's
 * gold changes (here, right after the commit; on other replicas, when PostgreSQL delivers the notice) and
 * reloaded, from one snapshot, by the next reader. Without the feed (connection lost, or the cache switched off),
 * and for datasets spanning more days than configured, every range is one SQL statement instead.
 */
@ApplicationScoped
public class RangeFigures {

    private static final Logger LOG = Logger.getLogger(RangeFigures.class);

    /** A range of days, [from, to). */
    public record Range(LocalDate from, LocalDate to) {
    }

    /** What is held of a dataset: its index, or null when it spans too many days to hold (read with SQL). */
    private record Cached(RangeIndex index, long loadedAt) {
    }

    private final RangeCorrectionsRepository ranges;
    private final IdSetsRepository idSets;
    private final GoldChangeFeed changes;
    private final KpiConfig.RangeCache config;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Moves on every invalidation: an index loaded across one is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean running = true;

    RangeFigures(RangeCorrectionsRepository ranges, IdSetsRepository idSets, GoldChangeFeed changes, KpiConfig config) {
        this.ranges = ranges;
        this.idSets = idSets;
        this.changes = changes;
        this.config = config.rangeCache();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            Thread thread = new Thread(this::listen, "gold-change-listener");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
    }

    /** The figures of {@code dataset} over [from, to). */
    public PeriodFigures figures(String dataset, LocalDate from, LocalDate to) throws SQLException {
        RangeIndex index = cached(dataset);
        return index != null ? index.figures(from, to) : ranges.figures(dataset, from, to);
    }

    /** The figures of several ranges of {@code dataset}, all from one snapshot of gold. */
    public List<PeriodFigures> figures(String dataset, List<Range> wanted) throws SQLException {
        RangeIndex index = cached(dataset);
        if (index != null) {
            return wanted.stream().map(range -> index.figures(range.from(), range.to())).toList();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            idSets.readOneSnapshot();
            List<PeriodFigures> figures = new ArrayList<>();
            for (Range range : wanted) {
                figures.add(ranges.figures(dataset, range.from(), range.to()));
            }
            return figures;
        });
    }

    /**
     * The dataset's index: the one held when there is one, else loaded from one snapshot of gold (and held when
     * this replica listens and the dataset is short enough); never null.
     */
    public RangeIndex index(String dataset) throws SQLException {
        RangeIndex held = cached(dataset);
        return held != null ? held : ranges.index(dataset);
    }

    /** Whether ranges are served from memory: the change feed is in place. */
    public boolean listening() {
        return listening;
    }

    /** Drops what is held of {@code dataset}: its gold changed. */
    public void invalidate(String dataset) {
        generation.incrementAndGet();
        cache.remove(dataset);
    }

    /** The dataset's index, loaded if need be; null when ranges must be read with SQL. */
    private RangeIndex cached(String dataset) throws SQLException {
        if (!listening) {
            return null;
        }
        Cached held = cache.get(dataset);
        if (held != null) {
            return held.index();
        }
        long before = generation.get();
        RangeIndex loaded = ranges.index(dataset);
        RangeIndex index = loaded.span() > config.maxDays() ? null : loaded;
        if (listening && generation.get() == before) {
            cache.put(dataset, new Cached(index, System.nanoTime()));
            evictBeyond(config.maxDatasets());
        }
        return index;
    }

    private void evictBeyond(int datasets) {
        while (cache.size() > datasets) {
            cache.entrySet().stream().min(Comparator.comparingLong(entry -> entry.getValue().loadedAt()))
                    .ifPresent(oldest -> cache.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    private void listen() {
        long backoffMillis = 1000;
        while (running) {
            try {
                changes.listen(() -> running, () -> {
                    dropAll();
                    listening = true;
                    LOG.info("listening to gold changes: ranges are served from memory");
                }, this::invalidate);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("gold change feed lost (%s): ranges are read with SQL until it is back", e.getMessage());
                }
            }
            listening = false;
            dropAll();
            sleep(backoffMillis);
        }
    }

    private void dropAll() {
        generation.incrementAndGet();
        cache.clear();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
