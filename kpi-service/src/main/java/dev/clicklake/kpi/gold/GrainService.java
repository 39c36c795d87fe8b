package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.config.KpiConfig;
import dev.clicklake.kpi.store.GrainRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Recomputes the month and whole-dataset grains after days changed, exactly, from the days' rows and id sets.
 */
@ApplicationScoped
public class GrainService {

    private static final Logger LOG = Logger.getLogger(GrainService.class);

    private final GrainRepository grains;
    private final RangeFigures ranges;
    private final int timeoutSeconds;

    GrainService(GrainRepository grains, RangeFigures ranges, KpiConfig config) {
        this.grains = grains;
        this.ranges = ranges;
        this.timeoutSeconds = Math.toIntExact(config.dayRebuildTimeout().toSeconds());
    }

    /**
     * Recomputes every month that {@code dates} touch and the whole dataset, in one transaction that first
     * takes the grains' advisory locks in a fixed order. It reads the days after the locks, with READ
     * COMMITTED: whoever commits a grain last also read the days last, and every day commit is followed by a
     * recomputation of its grains, so a grain is never left older than its days.
     */
    public void rebuild(String dataset, Collection<LocalDate> dates) {
        if (dates.isEmpty()) {
            return;
        }
        List<LocalDate> months = Periods.monthsOf(dates);
        QuarkusTransaction.requiringNew().timeout(timeoutSeconds).run(() -> {
            try {
                grains.lock(dataset, months);
                for (LocalDate month : months) {
                    LocalDate end = month.plusMonths(1);
                    grains.replaceMonth(dataset, month, stored(dataset, month, end));
                }
                DaySpan all = grains.span(dataset, Periods.FIRST_DAY, Periods.AFTER_LAST_DAY);
                grains.replaceDataset(dataset, all.isEmpty() ? Optional.empty()
                        : Optional.of(new StoredGrain(all, ranges.compute(dataset, all.first(), all.last().plusDays(1)))));
                LOG.infof("gold %s months %s and dataset (%d days) recomputed", dataset, months, all.days());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot recompute the grains of " + dataset, e);
            }
        });
    }

    private Optional<StoredGrain> stored(String dataset, LocalDate from, LocalDate to) throws SQLException {
        DaySpan span = grains.span(dataset, from, to);
        return span.isEmpty() ? Optional.empty() : Optional.of(new StoredGrain(span, ranges.compute(dataset, from, to)));
    }
}
