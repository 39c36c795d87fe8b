package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.store.DailyKpiRepository;
import dev.clicklake.kpi.store.IdSetsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Answers the KPI cards of any day range from the gold tables. */
@ApplicationScoped
public class SummaryService {

    private final DailyKpiRepository daily;
    private final IdSetsRepository idSets;

    SummaryService(DailyKpiRepository daily, IdSetsRepository idSets) {
        this.daily = daily;
        this.idSets = idSets;
    }

    /** The cards of {@code dataset} over the days [from, to), read from one snapshot of gold. */
    @Transactional
    public KpiSummary summary(String dataset, LocalDate from, LocalDate to) throws SQLException {
        idSets.readOneSnapshot();
        return summaryOf(dataset, from, to, idSets.range(dataset, from, to));
    }

    /** The session funnel of {@code dataset} over [from, to), read from one snapshot of gold. */
    @Transactional
    public Funnel funnel(String dataset, LocalDate from, LocalDate to) throws SQLException {
        idSets.readOneSnapshot();
        IdSets sets = idSets.range(dataset, from, to);
        return Funnel.of(summaryOf(dataset, from, to, sets), sets);
    }

    /** One summary per calendar month overlapping [from, to), each clipped to the range, from one snapshot. */
    @Transactional
    public List<KpiSummary> monthly(String dataset, LocalDate from, LocalDate to) throws SQLException {
        idSets.readOneSnapshot();
        List<KpiSummary> months = new ArrayList<>();
        for (LocalDate start = from; start.isBefore(to); start = start.withDayOfMonth(1).plusMonths(1)) {
            LocalDate end = Collections.min(List.of(to, start.withDayOfMonth(1).plusMonths(1)));
            months.add(summaryOf(dataset, start, end, idSets.range(dataset, start, end)));
        }
        return months;
    }

    /** [from, to) beside the equal-length period just before it, from one snapshot. */
    @Transactional
    public Comparison compare(String dataset, LocalDate from, LocalDate to) throws SQLException {
        idSets.readOneSnapshot();
        LocalDate previousFrom = from.minusDays(ChronoUnit.DAYS.between(from, to));
        return Comparison.of(summaryOf(dataset, from, to, idSets.range(dataset, from, to)),
                summaryOf(dataset, previousFrom, from, idSets.range(dataset, previousFrom, from)));
    }

    private KpiSummary summaryOf(String dataset, LocalDate from, LocalDate to, IdSets sets) throws SQLException {
        SessionTiming timing = SessionTiming.of(sets, idSets.multiDayFacts(dataset, from, to, sets.multiDaySessions()));
        return KpiSummary.of(dataset, from, to, daily.daily(dataset, from, to), sets, timing);
    }
}
