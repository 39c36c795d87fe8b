package dev.clicklake.kpi.support;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /kpi/compare} as the tests read it. */
public record ComparisonFigures(SummaryFigures current, SummaryFigures previous, List<Change> changes) {

    /** One KPI in both periods. */
    public record Change(String kpi, BigDecimal current, BigDecimal previous, BigDecimal absolute, BigDecimal relative) {
    }

    /** The change of {@code kpi}. */
    public Change of(String kpi) {
        return changes.stream().filter(change -> change.kpi().equals(kpi)).findFirst()
                .orElseThrow(() -> new AssertionError("no change for " + kpi + " in " + changes));
    }
}
