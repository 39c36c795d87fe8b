package dev.clicklake.kpi.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The query parameters of every range endpoint, as received; {@link #parse()} checks them. */
public class RangeParams {

    @Parameter(description = "Dataset name", example = "rees46", required = true)
    @RestQuery
    String dataset;

    @Parameter(description = "First day, included (YYYY-MM-DD)", example = "2019-10-01", required = true,
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @RestQuery
    String from;

    @Parameter(description = "Day after the last, excluded (YYYY-MM-DD)", example = "2019-11-01", required = true,
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    @RestQuery
    String to;

    DailyQuery parse(RequestLimits limits) {
        return DailyQuery.parse(dataset, from, to, limits);
    }
}
