package dev.clicklake.kpi.gold;

import dev.clicklake.kpi.store.IdSetsRepository;
import dev.clicklake.kpi.store.RangeCorrectionsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Answers the KPI cards of any day range from the gold tables, each answer from one snapshot of gold. */
@ApplicationScoped
public class SummaryService {

    private final IdSetsRepository idSets;
    private final RangeCorrectionsRepository ranges;

    SummaryService(IdSetsRepository idSets, RangeCorrectionsRepository ranges) {
        this.idSets = idSets;
        this.ranges = ranges;
    }

    /** The cards of {@code dataset} over the days [from, to): one statement, so one snapshot of gold. */
    public KpiSummary summary(String dataset, LocalDate from, LocalDate to) throws SQLException {
        return KpiSummary.of(dataset, from, to, ranges.figures(dataset, from, to));
    }

    /** The session funnel of {@code dataset} over [from, to): one statement, so one snapshot of gold. */
    public Funnel funnel(String dataset, LocalDate from, LocalDate to) throws SQLException {
        return Funnel.of(dataset, from, to, ranges.figures(dataset, from, to));
    }

    /** One summary per calendar month overlapping [from, to), each clipped to the range. */
    @Transactional
    public List<KpiSummary> monthly(String dataset, LocalDate from, LocalDate to) throws SQLException {
        idSets.readOneSnapshot();
        List<KpiSummary> months = new ArrayList<>();
        for (LocalDate start = from; start.isBefore(to); start = start.withDayOfMonth(1).plusMonths(1)) {
            LocalDate end = Collections.min(List.of(to, start.withDayOfMonth(1).plusMonths(1)));
            months.add(KpiSummary.of(dataset, start, end, ranges.figures(dataset, start, end)));
        }
        return months;
    }

    /** [from, to) beside the equal-length period just before it. */
    @Transactional
    public Comparison compare(String dataset, LocalDate from, LocalDate to) throws SQLException {
        idSets.readOneSnapshot();
        LocalDate previousFrom = from.minusDays(ChronoUnit.DAYS.between(from, to));
        return Comparison.of(KpiSummary.of(dataset, from, to, ranges.figures(dataset, from, to)),
                KpiSummary.of(dataset, previousFrom, from, ranges.figures(dataset, previousFrom, from)));
    }
}
