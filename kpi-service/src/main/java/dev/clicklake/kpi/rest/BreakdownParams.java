package dev.clicklake.kpi.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The query parameters of {@code /kpi/breakdown} beside the range's, as received; {@link #parse} checks them. */
public class BreakdownParams {

    @Parameter(description = "What to break the figures down by", example = "brand", required = true,
            schema = @Schema(type = SchemaType.STRING, enumeration = {"main_category", "brand", "hour"}))
    @RestQuery
    String dimension;

    @Parameter(description = "How many members to list before the 'other' row (main_category, brand), 1-"
            + BreakdownQuery.MAX_TOP, example = "10", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10"))
    @RestQuery
    String top;

    @Parameter(description = "What ranks the members (main_category, brand)", example = "revenue",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"events", "revenue", "purchases"},
                    defaultValue = "events"))
    @RestQuery
    String by;

    BreakdownQuery parse(DailyQuery range) {
        return BreakdownQuery.parse(range, dimension, top, by);
    }
}
