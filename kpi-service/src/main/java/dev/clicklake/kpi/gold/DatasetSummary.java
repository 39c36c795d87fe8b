package dev.clicklake.kpi.gold;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dataset that has gold, and the days it covers. */
@Schema(description = "A dataset with gold figures and the days it covers")
public record DatasetSummary(
        @Schema(example = "rees46") String dataset,
        @Schema(description = "First day with events", example = "2019-10-01") LocalDate firstDate,
        @Schema(description = "Last day with events (inclusive)", example = "2019-11-30") LocalDate lastDate,
        @Schema(description = "Days with events", example = "61") long days) {
}
