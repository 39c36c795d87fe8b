package dev.clicklake.kpi.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.clicklake.kpi.catalog.GoldCatalog;
import dev.clicklake.kpi.catalog.GoldColumn;
import dev.clicklake.kpi.config.KpiConfig;
import dev.clicklake.kpi.export.CsvRows;
import dev.clicklake.kpi.gold.RangePairs;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code GET /kpi/range-pairs}: every (first day, last day) pair of a dataset's days in [from, to), with the
 * exact figures of the range [first_date, last_date] (distinct users, sessions, buyers and session measures
 * included), streamed as JSON or CSV in (first_date, last_date) order. At most
 * {@code clicklake.kpi.range-pairs.max-days} days per request (422 beyond).
 */
@Path("/kpi/range-pairs")
@Tag(name = "KPI", description = "Exact e-commerce KPIs computed from silver")
public class RangePairsResource {

    private static final JsonFactory JSON = new JsonFactory();

    private final RangePairs pairs;
    private final RequestLimits limits;

    RangePairsResource(RangePairs pairs, KpiConfig config) {
        this.pairs = pairs;
        this.limits = RequestLimits.of(config.limits());
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Exact figures of every (first day, last day) pair of a dataset",
            description = "One row per pair first_date <= last_date of the dataset's days in [from, to) (both optional: "
                    + "the dataset's first and last day), with the exact figures of the days first_date..last_date. "
                    + "A BI tool picks the row of its slicer's MIN and MAX day to show exact distinct counts. At most "
                    + "clicklake.kpi.range-pairs.max-days days (default 400, 80,200 pairs) per request.")
    @APIResponse(responseCode = "200", description = "The pairs (an empty list when the dataset has no days there)")
    @APIResponse(responseCode = "422", description = "The days asked span more than clicklake.kpi.range-pairs.max-days",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response get(
            @Parameter(description = "Dataset name", example = "rees46", required = true) @RestQuery String dataset,
            @Parameter(description = "First day, included (YYYY-MM-DD); default the dataset's first") @RestQuery String from,
            @Parameter(description = "Day after the last, excluded (YYYY-MM-DD); default past the dataset's last") @RestQuery String to,
            @Parameter(description = "json (default) or csv") @RestQuery String format) throws SQLException {
        String kind = format == null ? "json" : format;
        if (!kind.equals("json") && !kind.equals("csv")) {
            throw new InvalidParameterException("format", "format must be json or csv, not '" + format + "'");
        }
        if (dataset == null || dataset.isBlank()) {
            throw new InvalidParameterException("dataset", "dataset is required");
        }
        DailyQuery.checkDataset(dataset);
        LocalDate start = from == null ? null : limits.day("from", day("from", from));
        LocalDate end = to == null ? null : limits.day("to", day("to", to));
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidParameterException("from", "from (" + start + ") must be before to (" + end
                    + "); the range [from, to) excludes to");
        }
        RangePairs.Window window = pairs.window(dataset, start, end);
        List<GoldColumn> columns = GoldCatalog.RANGE_PAIRS.columns();
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            try {
                if (kind.equals("csv")) {
                    CsvRows csv = new CsvRows(writer);
                    csv.write(columns.stream().map(GoldColumn::name).toList());
                    window.forEach(null, null, pair -> {
                        csv.write(Arrays.asList(pair.values()));
                        return true;
                    });
                } else {
                    JsonGenerator json = JSON.createGenerator(writer).enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
                    json.writeStartArray();
                    window.forEach(null, null, pair -> {
                        writeObject(json, columns, pair.values());
                        return true;
                    });
                    json.writeEndArray();
                    json.flush();
                }
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("range pairs of " + dataset + " failed", e);
            }
            writer.flush();
        };
        return Response.ok(body)
                .type(kind.equals("csv") ? "text/csv; charset=UTF-8" : MediaType.APPLICATION_JSON)
                .header("X-Range-Pairs", window.pairs())
                .build();
    }

    private static void writeObject(JsonGenerator json, List<GoldColumn> columns, Object[] row) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < row.length; i++) {
            json.writeFieldName(columns.get(i).name());
            Object value = row[i];
            if (value instanceof BigDecimal decimal) {
                json.writeNumber(decimal);
            } else if (value instanceof Number number) {
                json.writeNumber(number.longValue());
            } else {
                json.writeString(value.toString());
            }
        }
        json.writeEndObject();
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidParameterException(name, name + " must be a date as YYYY-MM-DD, not '" + value + "'");
        }
    }

    /** 422 naming the limit. */
    @ServerExceptionMapper
    public Response tooManyDays(RangePairs.TooManyDaysException e) {
        return Response.status(422).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(422, "to", e.getMessage())).build();
    }
}
