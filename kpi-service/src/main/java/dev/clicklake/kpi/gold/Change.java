package dev.clicklake.kpi.gold;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How one KPI moved from the previous period to the current one. */
@Schema(description = "One KPI in both periods, with its absolute and relative change")
public record Change(
        @Schema(example = "sessions") String kpi,
        @Schema(example = "9244421") BigDecimal current,
        @Schema(example = "8534190") BigDecimal previous,
        @Schema(description = "current - previous; null when either is null", example = "710231") BigDecimal absolute,
        @Schema(description = "(current - previous) / previous; null when either is null or previous is 0",
                example = "0.083223") BigDecimal relative) {

    /** The change of {@code kpi} between {@code previous} and {@code current}, either of which may be null. */
    public static Change of(String kpi, BigDecimal current, BigDecimal previous) {
        if (current == null || previous == null) {
            return new Change(kpi, current, previous, null, null);
        }
        BigDecimal absolute = current.subtract(previous);
        BigDecimal relative = previous.signum() == 0 ? null
                : absolute.divide(previous.abs(), Ratio.RATE_SCALE, RoundingMode.HALF_EVEN);
        return new Change(kpi, current, previous, absolute, relative);
    }
}
