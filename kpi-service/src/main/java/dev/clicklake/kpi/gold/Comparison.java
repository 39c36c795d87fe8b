package dev.clicklake.kpi.gold;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A period's KPIs beside those of the period it is compared with ({@link ComparisonBasis}). */
@Schema(description = "The KPIs of [from, to) and of the period it is compared with, with their changes")
public record Comparison(KpiSummary current, KpiSummary previous,
        @Schema(description = "Every figure and ratio of the summary, in the summary's order") List<Change> changes) {

    /** Compares every numeric figure of the two summaries. */
    public static Comparison of(KpiSummary current, KpiSummary previous) {
        List<Change> changes = new ArrayList<>();
        for (RecordComponent component : KpiSummary.class.getRecordComponents()) {
            Class<?> type = component.getType();
            if (type == long.class || type == BigDecimal.class) {
                changes.add(Change.of(component.getName(), number(component, current), number(component, previous)));
            }
        }
        return new Comparison(current, previous, changes);
    }

    private static BigDecimal number(RecordComponent component, KpiSummary summary) {
        try {
            Object value = component.getAccessor().invoke(summary);
            return value instanceof Long count ? BigDecimal.valueOf(count) : (BigDecimal) value;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
