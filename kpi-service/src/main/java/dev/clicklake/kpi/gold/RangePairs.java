package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.config.KpiConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Every (first day, last day) pair of a dataset's days, first &lt;= last, with the exact figures of the range
 * [first, last]: each is {@code index.figures(first, last + 1)} of the dataset's {@link RangeIndex}, so the
 * distinct counts and session measures ({@link CorrectedMeasure}) are those of the whole range, not sums of days.
 * Pairs grow with days x (days + 1) / 2: one request spans at most {@code clicklake.kpi.range-pairs.max-days}.
 */
@ApplicationScoped
public class RangePairs {

    /** One pair and its figures. */
    public record Pair(String dataset, LocalDate firstDate, LocalDate lastDate, PeriodFigures figures) {

        /** Days in [first, last], both included. */
        public int days() {
            return Math.toIntExact(lastDate.toEpochDay() - firstDate.toEpochDay() + 1);
        }

        /** The values in the order of {@code GoldCatalog.RANGE_PAIRS}' columns. */
        public Object[] values() {
            PeriodFigures f = figures;
            return new Object[] {dataset, firstDate, lastDate, days(), f.events(), f.views(), f.carts(), f.removes(),
                f.purchases(), f.revenue(), f.users(), f.sessions(), f.buyers(), f.viewingSessions(),
                f.cartingSessions(), f.purchasingSessions(), f.cartPurchaseSessions(), f.funnelCartSessions(),
                f.funnelPurchaseSessions(), f.sessionEvents(), f.sessionDurationMicros(), f.bouncedSessions()};
        }
    }

    /** Receives the pairs, in (first, last) order. */
    @FunctionalInterface
    public interface Sink {
        /** Takes one pair; false stops the walk. */
        boolean accept(Pair pair) throws Exception;
    }

    /**
     * The pairs of one dataset whose days lie in [from, to) clipped to the dataset's own days: the index they
     * are computed from, and the days they span.
     */
    public record Window(String dataset, RangeIndex index, LocalDate first, LocalDate last) {

        /** Days in the window; 0 when the dataset has no days there. */
        public int days() {
            return first == null ? 0 : Math.toIntExact(last.toEpochDay() - first.toEpochDay() + 1);
        }

        /** How many pairs the window holds. */
        public long pairs() {
            long d = days();
            return d * (d + 1) / 2;
        }

        /** Walks the pairs (first, then last day, ascending) after the pair (afterFirst, afterLast), or all when null. */
        public void forEach(LocalDate afterFirst, LocalDate afterLast, Sink sink) throws Exception {
            if (first == null) {
                return;
            }
            for (LocalDate a = first; !a.isAfter(last); a = a.plusDays(1)) {
                if (afterFirst != null && a.isBefore(afterFirst)) {
                    continue;
                }
                LocalDate b = afterFirst != null && a.equals(afterFirst) ? afterLast.plusDays(1) : a;
                for (; !b.isAfter(last); b = b.plusDays(1)) {
                    if (!sink.accept(new Pair(dataset, a, b, index.figures(a, b.plusDays(1))))) {
                        return;
                    }
                }
            }
        }
    }

    /** A request spans more days than {@code clicklake.kpi.range-pairs.max-days}. */
    public static final class TooManyDaysException extends RuntimeException {

        private final int maxDays;

        TooManyDaysException(String message, int maxDays) {
            super(message, null, false, false);
            this.maxDays = maxDays;
        }

        public int maxDays() {
            return maxDays;
        }
    }

    private final RangeFigures figures;
    private final int maxDays;

    RangePairs(RangeFigures figures, KpiConfig config) {
        this.figures = figures;
        this.maxDays = config.rangePairs().maxDays();
    }

    /** The most days one request may span. */
    public int maxDays() {
        return maxDays;
    }

    /**
     * The pairs of {@code dataset} in [from, to) (null: from its first day / past its last), clipped to its days.
     *
     * @throws TooManyDaysException when those days are more than {@link #maxDays()}
     */
    public Window window(String dataset, LocalDate from, LocalDate to) throws SQLException {
        RangeIndex index = figures.index(dataset);
        if (index.span() == 0) {
            return new Window(dataset, index, null, null);
        }
        LocalDate first = from == null || from.isBefore(index.firstDay()) ? index.firstDay() : from;
        LocalDate last = to == null || to.isAfter(index.lastDay()) ? index.lastDay() : to.minusDays(1);
        if (first.isAfter(last)) {
            return new Window(dataset, index, null, null);
        }
        Window window = new Window(dataset, index, first, last);
        if (window.days() > maxDays) {
            throw new TooManyDaysException("the range pairs of " + dataset + " from " + first + " to " + last + " span "
                    + window.days() + " days (" + window.pairs() + " pairs); at most "
                    + "clicklake.kpi.range-pairs.max-days = " + maxDays + " days (" + (long) maxDays * (maxDays + 1) / 2
                    + " pairs) per request: ask a shorter from/to", maxDays);
        }
        return window;
    }

    /**
     * The window of the most recent {@link #maxDays()} days of {@code dataset} (all of them when it is shorter):
     * what the OData entity set serves of each dataset.
     */
    public Window recent(String dataset) throws SQLException {
        RangeIndex index = figures.index(dataset);
        if (index.span() == 0) {
            return new Window(dataset, index, null, null);
        }
        LocalDate first = index.span() > maxDays ? index.lastDay().minusDays(maxDays - 1L) : index.firstDay();
        return new Window(dataset, index, first, index.lastDay());
    }
}
