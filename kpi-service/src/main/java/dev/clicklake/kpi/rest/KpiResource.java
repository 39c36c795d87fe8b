package dev.clicklake.kpi.rest;

import dev.clicklake.kpi.config.KpiConfig;
import dev.clicklake.kpi.gold.Breakdown;
import dev.clicklake.kpi.gold.BreakdownService;
import dev.clicklake.kpi.gold.Comparison;
import dev.clicklake.kpi.gold.DailyKpi;
import dev.clicklake.kpi.gold.DatasetSummary;
import dev.clicklake.kpi.gold.Funnel;
import dev.clicklake.kpi.gold.KpiSummary;
import dev.clicklake.kpi.gold.SummaryService;
import dev.clicklake.kpi.store.DailyKpiRepository;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Serves gold over HTTP. Every range endpoint takes {@code dataset}, {@code from} and {@code to} (UTC days,
 * [from, to)); a missing, malformed, repeated or unknown parameter, {@code from >= to}, a day or a range beyond
 * {@code clicklake.kpi.limits.*}, is a 400 {@link ErrorBody}.
 */
@Path("/kpi")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPI", description = "Exact e-commerce KPIs computed from silver")
@APIResponse(responseCode = "400", description = "A parameter is missing, wrong or unknown, or from is not before to",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class KpiResource {

    private final DailyKpiRepository repository;
    private final SummaryService summaries;
    private final BreakdownService breakdowns;
    private final RequestLimits limits;

    KpiResource(DailyKpiRepository repository, SummaryService summaries, BreakdownService breakdowns, KpiConfig config) {
        this.limits = RequestLimits.of(config.limits());
        this.repository = repository;
        this.summaries = summaries;
        this.breakdowns = breakdowns;
    }

    @GET
    @Path("/daily")
    @Operation(summary = "Daily figures of a dataset",
            description = "One row per UTC day in [from, to) that has events, in date order. Money is an exact decimal.")
    @APIResponse(responseCode = "200", description = "The days found (none is an empty list)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DailyKpi.class)))
    public List<DailyKpi> daily(@BeanParam RangeParams params) {
        DailyQuery query = params.parse(limits);
        return repository.daily(query.dataset(), query.from(), query.to());
    }

    @GET
    @Path("/summary")
    @Operation(summary = "KPI cards of a dataset over a range",
            description = "Every KPI over the UTC days [from, to), exact for any range (distinct counts and session "
                    + "timing included), with the additive numerators and denominators. A ratio whose denominator is "
                    + "zero is null.")
    @APIResponse(responseCode = "200", description = "The cards (zeros and null ratios for a range without events)",
            content = @Content(schema = @Schema(implementation = KpiSummary.class)))
    public KpiSummary summary(@BeanParam RangeParams params) throws SQLException {
        DailyQuery query = params.parse(limits);
        return summaries.summary(query.dataset(), query.from(), query.to());
    }

    @GET
    @Path("/monthly")
    @Operation(summary = "Monthly KPI cards of a dataset",
            description = "One summary per calendar month overlapping [from, to), each clipped to the range, in order.")
    @APIResponse(responseCode = "200", description = "The months",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = KpiSummary.class)))
    public List<KpiSummary> monthly(@BeanParam RangeParams params) throws SQLException {
        DailyQuery query = params.parse(limits);
        return summaries.monthly(query.dataset(), query.from(), query.to());
    }

    @GET
    @Path("/funnel")
    @Operation(summary = "Session funnel of a dataset over a range",
            description = "Sessions with a view; of those, with a cart; of those, with a purchase (anywhere in the range).")
    @APIResponse(responseCode = "200", description = "The funnel",
            content = @Content(schema = @Schema(implementation = Funnel.class)))
    public Funnel funnel(@BeanParam RangeParams params) throws SQLException {
        DailyQuery query = params.parse(limits);
        return summaries.funnel(query.dataset(), query.from(), query.to());
    }

    @GET
    @Path("/compare")
    @Operation(summary = "A range against the range before it",
            description = "The summary of [from, to), that of the period it is compared with (against=previous-period: "
                    + "[from - (to - from), from); against=previous-month: [from - 1 month, to - 1 month), month over "
                    + "month), and the absolute and relative change of every figure and ratio.")
    @APIResponse(responseCode = "200", description = "Both periods and their changes",
            content = @Content(schema = @Schema(implementation = Comparison.class)))
    public Comparison compare(@BeanParam RangeParams params, @BeanParam CompareParams against) throws SQLException {
        DailyQuery query = params.parse(limits);
        return summaries.compare(query.dataset(), query.from(), query.to(), against.parse());
    }

    @GET
    @Path("/breakdown")
    @Operation(summary = "Figures of a dataset per category, brand or hour over a range",
            description = "Per member of the dimension over [from, to): every count, revenue, exact distinct users, "
                    + "sessions, buyers, carting and purchasing sessions (unions over the days), and the ratios (null "
                    + "when the denominator is zero). For main_category and brand, the top members by 'by' and a last "
                    + "row 'other' (member null) whose distinct counts are exact over all the remaining members "
                    + "together; for hour, every UTC hour with events in hour order.")
    @APIResponse(responseCode = "200", description = "The breakdown (no rows for a range without events)",
            content = @Content(schema = @Schema(implementation = Breakdown.class)))
    public Breakdown breakdown(@BeanParam RangeParams params, @BeanParam BreakdownParams breakdown) throws SQLException {
        BreakdownQuery query = breakdown.parse(params.parse(limits));
        DailyQuery range = query.range();
        return breakdowns.breakdown(range.dataset(), range.from(), range.to(), query.dimension(), query.top(), query.by());
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
