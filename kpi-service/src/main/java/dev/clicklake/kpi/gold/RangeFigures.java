package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.store.DailyKpiRepository;
import dev.clicklake.kpi.store.GrainRepository;
import dev.clicklake.kpi.store.IdSetsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

/** The exact {@link PeriodFigures} of any day range of a dataset, from the gold tables. */
@ApplicationScoped
public class RangeFigures {

    private final DailyKpiRepository daily;
    private final IdSetsRepository idSets;
    private final GrainRepository grains;

    RangeFigures(DailyKpiRepository daily, IdSetsRepository idSets, GrainRepository grains) {
        this.daily = daily;
        this.idSets = idSets;
        this.grains = grains;
    }

    /**
     * The figures of [from, to): the precomputed row when the range is exactly one calendar month, or covers
     * the whole dataset, and that row is up to date with the days; otherwise computed from the days.
     */
    public PeriodFigures read(String dataset, LocalDate from, LocalDate to) throws SQLException {
        Optional<PeriodFigures> stored = precomputed(dataset, from, to);
        return stored.isPresent() ? stored.get() : compute(dataset, from, to);
    }

    /** The figures of [from, to) computed from the days: day counts summed, id sets ORed, session timing corrected. */
    public PeriodFigures compute(String dataset, LocalDate from, LocalDate to) throws SQLException {
        IdSets sets = idSets.range(dataset, from, to);
        SessionTiming timing = SessionTiming.of(sets, idSets.multiDayFacts(dataset, from, to, sets.multiDaySessions()));
        return PeriodFigures.of(daily.daily(dataset, from, to), sets, timing);
    }

    private Optional<PeriodFigures> precomputed(String dataset, LocalDate from, LocalDate to) throws SQLException {
        Optional<StoredGrain> stored = Optional.empty();
        if (Periods.isWholeMonth(from, to)) {
            stored = grains.month(dataset, from);
        }
        if (stored.isEmpty()) {
            stored = grains.dataset(dataset)
                    .filter(whole -> !from.isAfter(whole.span().first()) && to.isAfter(whole.span().last()));
        }
        if (stored.isEmpty() || !stored.get().matches(grains.span(dataset, from, to))) {
            return Optional.empty();
        }
        return Optional.of(stored.get().figures());
    }
}
