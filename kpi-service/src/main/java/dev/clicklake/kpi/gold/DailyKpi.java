package dev.clicklake.kpi.gold;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The exact figures of one dataset on one UTC day: the silver events whose event_time falls in
 * [eventDate 00:00Z, next day 00:00Z). Counts and revenue add up over days; users and sessions do not.
 */
@Schema(description = "Exact KPI figures of one dataset on one UTC day")
public record DailyKpi(
        @Schema(example = "rees46") String dataset,
        @Schema(example = "2019-10-01") LocalDate eventDate,
        @Schema(description = "All events", example = "1009700") long events,
        @Schema(description = "event_type = view", example = "970016") long views,
        @Schema(description = "event_type = cart", example = "22115") long carts,
        @Schema(description = "event_type = remove_from_cart", example = "0") long removes,
        @Schema(description = "event_type = purchase", example = "17569") long purchases,
        @Schema(description = "Sum of price over purchases, exact, 2 decimals", example = "5389124.38") BigDecimal revenue,
        @Schema(description = "Distinct user_id (not additive over days)", example = "186211") long users,
        @Schema(description = "Distinct non-null user_session (not additive over days)", example = "245032") long sessions) {
}
