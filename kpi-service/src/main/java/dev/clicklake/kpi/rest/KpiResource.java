package dev.clicklake.kpi.rest;

import dev.clicklake.kpi.gold.DailyKpi;
import dev.clicklake.kpi.gold.DatasetSummary;
import dev.clicklake.kpi.store.DailyKpiRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Serves gold over HTTP. */
@Path("/kpi")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPI", description = "Exact e-commerce KPIs computed from silver")
public class KpiResource {

    private final DailyKpiRepository repository;

    KpiResource(DailyKpiRepository repository) {
        this.repository = repository;
    }

    @GET
    @Path("/daily")
    @Operation(summary = "Daily figures of a dataset",
            description = "One row per UTC day in [from, to) that has events, in date order. Money is an exact decimal.")
    @APIResponse(responseCode = "200", description = "The days found (none is an empty list)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DailyKpi.class)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or wrong, or from is not before to",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public List<DailyKpi> daily(
            @Parameter(description = "Dataset name", example = "rees46", required = true) @RestQuery String dataset,
            @Parameter(description = "First day, included (YYYY-MM-DD)", example = "2019-10-01", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @RestQuery String from,
            @Parameter(description = "Day after the last, excluded (YYYY-MM-DD)", example = "2019-11-01", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @RestQuery String to) {
        DailyQuery query = DailyQuery.parse(dataset, from, to);
        return repository.daily(query.dataset(), query.from(), query.to());
    }

    @GET
    @Path("/datasets")
    @Operation(summary = "Datasets with gold", description = "Every dataset that has at least one day of gold, by name.")
    @APIResponse(responseCode = "200", description = "The datasets",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DatasetSummary.class)))
    public List<DatasetSummary> datasets() {
        return repository.datasets();
    }
}
