package dev.clicklake.kpi.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.clicklake.kpi.catalog.GoldCatalog;
import dev.clicklake.kpi.catalog.GoldColumn;
import dev.clicklake.kpi.catalog.GoldTable;
import dev.clicklake.kpi.config.KpiConfig;
import dev.clicklake.kpi.query.GoldQuery;
import dev.clicklake.kpi.query.GoldSql;
import dev.clicklake.kpi.rest.ErrorBody;
import dev.clicklake.kpi.rest.InvalidParameterException;
import dev.clicklake.kpi.rest.RequestLimits;
import dev.clicklake.kpi.store.GoldReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Whole gold tables for Power BI's Web connector: {@code /export/{table}.csv} and {@code .json}, optionally
 * restricted by {@code dataset}, {@code from} and {@code to}; the rows stream from a database cursor to the client.
 */
@Path("/export")
@Tag(name = "Export", description = "Gold tables as CSV or JSON (Power BI: Get data, Web)")
@APIResponse(responseCode = "400", description = "Unknown table, or a parameter unknown, repeated or wrong",
        content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class ExportResource {

    private final GoldReader reader;
    private final RequestLimits limits;

    ExportResource(GoldReader reader, KpiConfig config) {
        this.reader = reader;
        this.limits = RequestLimits.of(config.limits());
    }

    @GET
    @Path("{table}.csv")
    @Produces("text/csv; charset=UTF-8")
    @Operation(summary = "A gold table as CSV", description = "UTF-8, a header line, RFC 4180 quoting, '.' decimals, ISO dates; "
            + "rows in key order. Query: dataset, from, to (ISO date or date-time; [from, to) on the table's day or month).")
    @Parameter(name = "table", in = ParameterIn.PATH, description = "The gold table (the service's export names)", required = true)
    @Parameter(name = "dataset", in = ParameterIn.QUERY, description = ExportRequest.DATASET, example = "rees46")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = ExportRequest.FROM, example = "2019-10-01")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = ExportRequest.TO, example = "2019-11-01")
    public Response csv(@PathParam("table") String name, @Context UriInfo uri) {
        GoldQuery query = query(name, uri);
        StreamingOutput body = out -> stream(query, out, CsvWriter::new);
        return Response.ok(body).header("Content-Disposition", "inline; filename=\"" + name + ".csv\"").build();
    }

    @GET
    @Path("{table}.json")
    @Produces("application/json")
    @Operation(summary = "A gold table as JSON", description = "An array of objects named as the CSV header; money and ratios "
            + "as exact JSON decimals. Query: dataset, from, to.")
    @Parameter(name = "table", in = ParameterIn.PATH, description = "The gold table (the service's export names)", required = true)
    @Parameter(name = "dataset", in = ParameterIn.QUERY, description = ExportRequest.DATASET, example = "rees46")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = ExportRequest.FROM, example = "2019-10-01")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = ExportRequest.TO, example = "2019-11-01")
    public Response json(@PathParam("table") String name, @Context UriInfo uri) {
        GoldQuery query = query(name, uri);
        StreamingOutput body = out -> stream(query, out, JsonWriter::new);
        return Response.ok(body).build();
    }

    private GoldQuery query(String name, UriInfo uri) {
        GoldTable table = GoldCatalog.byExportName(name).orElseThrow(() -> new InvalidParameterException("table",
                "unknown table '" + name + "'; exported tables: " + GoldCatalog.exportNames()));
        return ExportRequest.parse(table, uri.getQueryParameters(), limits);
    }

    /** Writes rows in one format. */
    private interface RowFormat {
        void row(Object[] row) throws IOException;

        void end() throws IOException;
    }

    private interface FormatFactory {
        RowFormat open(List<GoldColumn> columns, Writer writer) throws IOException;
    }

    private void stream(GoldQuery query, OutputStream out, FormatFactory formats) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            reader.read(session -> {
                RowFormat format = formats.open(query.columns(), writer);
                session.stream(GoldSql.select(query), query.columns(), format::row);
                format.end();
                return null;
            });
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("export of " + query.table().exportName() + " failed", e);
        }
        writer.flush();
    }

    /** CSV with a header line. */
    private static final class CsvWriter implements RowFormat {
        private final CsvRows csv;

        CsvWriter(List<GoldColumn> columns, Writer writer) throws IOException {
            this.csv = new CsvRows(writer);
            csv.write(columns.stream().map(GoldColumn::name).toList());
        }

        @Override
        public void row(Object[] row) throws IOException {
            csv.write(Arrays.asList(row));
        }

        @Override
        public void end() {
        }
    }

    /** A JSON array of objects; numbers exact, dates and instants as ISO strings. */
    private static final class JsonWriter implements RowFormat {
        private static final JsonFactory FACTORY = new JsonFactory();
        private final JsonGenerator json;
        private final List<GoldColumn> columns;

        JsonWriter(List<GoldColumn> columns, Writer writer) throws IOException {
            this.json = FACTORY.createGenerator(writer).enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            this.columns = columns;
            json.writeStartArray();
        }

        @Override
        public void row(Object[] row) throws IOException {
            json.writeStartObject();
            for (int i = 0; i < row.length; i++) {
                json.writeFieldName(columns.get(i).name());
                Object value = row[i];
                if (value == null) {
                    json.writeNull();
                } else if (value instanceof BigDecimal decimal) {
                    json.writeNumber(decimal);
                } else if (value instanceof Number number) {
                    json.writeNumber(number.longValue());
                } else {
                    json.writeString(value.toString());
                }
            }
            json.writeEndObject();
        }

        @Override
        public void end() throws IOException {
            json.writeEndArray();
            json.flush();
        }
    }
}
