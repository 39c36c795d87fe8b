package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.store.DaySourcesRepository;
import dev.clicklake.kpi.store.GoldChangeFeed;
import dev.clicklake.kpi.store.GrainRepository;
import dev.clicklake.kpi.store.IdSetsRepository;
import dev.clicklake.kpi.store.RangeCorrectionsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Recomputes what depends on several days after days changed, exactly: the dataset's {@link RangeCorrections}
 * (which answer any range), then the months the days touch and the whole dataset, computed as ranges.
 */
@ApplicationScoped
public class GrainService {

    private static final Logger LOG = Logger.getLogger(GrainService.class);

    /**
     * Up to this many days from the first changed one to the last day of the dataset, only their pairs are
     * recomputed (one pass back over the days, pairing each with every one of them); beyond, every pair (two passes
     * over all days, one pairing per day), which then costs less.
     */
    static final int INCREMENTAL_MAX_DAYS = 8;

    private final GrainRepository grains;
    private final DaySourcesRepository daySources;
    private final IdSetsRepository idSets;
    private final RangeCorrectionsRepository ranges;
    private final GoldChangeFeed changes;

    GrainService(GrainRepository grains, IdSetsRepository idSets, RangeCorrectionsRepository ranges,
            DaySourcesRepository daySources, GoldChangeFeed changes) {
        this.daySources = daySources;
        this.changes = changes;
        this.grains = grains;
        this.idSets = idSets;
        this.ranges = ranges;
    }

    /**
     * Recomputes the corrections, every month that {@code dates} touch and the whole dataset, inside the
     * caller's transaction, after taking the grains' advisory locks in a fixed order (months ascending, then
     * the dataset): the days are read after the locks, so whoever commits the grains last read the days last.
     * Announces the change to every replica ({@link GoldChangeFeed}), delivered at commit.
     */
    public void rebuild(String dataset, Collection<LocalDate> dates) throws SQLException {
        if (dates.isEmpty()) {
            return;
        }
        List<LocalDate> months = Periods.monthsOf(dates);
        grains.lock(dataset, months);
        daySources.markSnapshotDue(dataset, months);
        long started = System.nanoTime();
        List<LocalDate> days = idSets.days(dataset);
        LocalDate from = dates.stream().min(LocalDate::compareTo).orElseThrow();
        long lastDaysChanged = days.stream().filter(day -> !day.isBefore(from)).count();
        RangeCorrectionsBuilder builder = new RangeCorrectionsBuilder(idSets.of(dataset));
        RangeCorrections corrections;
        String how;
        if (lastDaysChanged <= INCREMENTAL_MAX_DAYS && ranges.built(dataset)) {
            corrections = builder.endingOnOrAfter(days, from);
            ranges.replaceEndingOnOrAfter(dataset, from, corrections, days.size());
            how = "pairs ending on or after " + from;
        } else {
            corrections = builder.all(days);
            ranges.replace(dataset, corrections, days.size());
            how = "every pair";
        }
        long built = System.nanoTime();
        for (LocalDate month : months) {
            grains.replaceMonth(dataset, month, stored(dataset, month, month.plusMonths(1)));
        }
        DaySpan all = grains.span(dataset, Periods.FIRST_DAY, Periods.AFTER_LAST_DAY);
        grains.replaceDataset(dataset, all.isEmpty() ? Optional.empty()
                : Optional.of(new StoredGrain(all, ranges.figures(dataset, all.first(), all.last().plusDays(1)))));
        changes.announce(dataset);
        LOG.infof("gold %s: range corrections of %d days (%s: %d pairs) in %d ms; months %s and dataset recomputed",
                dataset, days.size(), how, corrections.pairs().size(), (built - started) / 1_000_000, months);
    }

    private Optional<StoredGrain> stored(String dataset, LocalDate from, LocalDate to) throws SQLException {
        DaySpan span = grains.span(dataset, from, to);
        return span.isEmpty() ? Optional.empty() : Optional.of(new StoredGrain(span, ranges.figures(dataset, from, to)));
    }
}
