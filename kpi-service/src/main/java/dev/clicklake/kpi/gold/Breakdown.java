package dev.clicklake.kpi.gold;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The figures of a dataset over [from, to) per member of a dimension. */
@Schema(description = "Exact figures per member of a dimension over [from, to)")
public record Breakdown(
        @Schema(example = "rees46") String dataset,
        @Schema(example = "2019-10-01") LocalDate from,
        @Schema(description = "Excluded", example = "2019-11-01") LocalDate to,
        @Schema(description = "main_category, brand or hour", example = "brand") String dimension,
        @Schema(description = "What the members are ranked by (main_category, brand)", example = "revenue") String by,
        @Schema(description = "How many members are listed before 'other' (main_category, brand)", example = "10") int top,
        @Schema(description = "The top members by 'by', largest first, then 'other' when members remain; every hour "
                + "with events, in hour order, for the hour dimension") List<BreakdownRow> rows) {
}
