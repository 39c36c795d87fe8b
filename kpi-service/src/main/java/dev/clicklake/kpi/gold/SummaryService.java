package dev.clicklake.kpi.gold;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Answers the KPI cards of any day range from gold, each answer from one snapshot of gold. */
@ApplicationScoped
public class SummaryService {

    private final RangeFigures ranges;

    SummaryService(RangeFigures ranges) {
        this.ranges = ranges;
    }

    /** The cards of {@code dataset} over the days [from, to). */
    public KpiSummary summary(String dataset, LocalDate from, LocalDate to) throws SQLException {
        return KpiSummary.of(dataset, from, to, ranges.figures(dataset, from, to));
    }

    /** The session funnel of {@code dataset} over [from, to). */
    public Funnel funnel(String dataset, LocalDate from, LocalDate to) throws SQLException {
        return Funnel.of(dataset, from, to, ranges.figures(dataset, from, to));
    }

    /** One summary per calendar month overlapping [from, to), each clipped to the range. */
    public List<KpiSummary> monthly(String dataset, LocalDate from, LocalDate to) throws SQLException {
        List<RangeFigures.Range> months = new ArrayList<>();
        for (LocalDate start = from; start.isBefore(to); start = start.withDayOfMonth(1).plusMonths(1)) {
            months.add(new RangeFigures.Range(start, Collections.min(List.of(to, start.withDayOfMonth(1).plusMonths(1)))));
        }
        List<PeriodFigures> figures = ranges.figures(dataset, months);
        List<KpiSummary> summaries = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            summaries.add(KpiSummary.of(dataset, months.get(i).from(), months.get(i).to(), figures.get(i)));
        }
        return summaries;
    }

    /** [from, to) beside the period {@code basis} names. */
    public Comparison compare(String dataset, LocalDate from, LocalDate to, ComparisonBasis basis) throws SQLException {
        LocalDate[] previous = basis.previous(from, to);
        List<PeriodFigures> figures = ranges.figures(dataset,
                List.of(new RangeFigures.Range(from, to), new RangeFigures.Range(previous[0], previous[1])));
        return Comparison.of(KpiSummary.of(dataset, from, to, figures.get(0)),
                KpiSummary.of(dataset, previous[0], previous[1], figures.get(1)));
    }
}
