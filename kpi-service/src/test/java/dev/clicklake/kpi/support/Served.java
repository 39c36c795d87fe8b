package dev.clicklake.kpi.support;

import static dev.clicklake.kpi.support.Reader.given;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;

/** Reads what kpi-service serves, over HTTP, into the records the tests compare. */
public final class Served {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Served() {
    }

    /** The envelope of {@code GET /kpi/breakdown}. */
    private record BreakdownBody(String dataset, LocalDate from, LocalDate to, String dimension, String by, int top,
            List<BreakdownFigures> rows) {
    }

    /** {@code GET /kpi/daily} for [from, to). */
    public static List<DayFigures> daily(String dataset, LocalDate from, LocalDate to) throws Exception {
        String body = given().queryParam("dataset", dataset).queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get("/kpi/daily")
                .then().statusCode(200).contentType("application/json")
                .extract().asString();
        return JSON.readValue(body, new TypeReference<>() { });
    }

    /** {@code GET /kpi/summary} for [from, to). */
    public static SummaryFigures summary(String dataset, LocalDate from, LocalDate to) throws Exception {
        return JSON.readValue(get("/kpi/summary", dataset, from, to), SummaryFigures.class);
    }

    /** {@code GET /kpi/monthly} for [from, to). */
    public static List<SummaryFigures> monthly(String dataset, LocalDate from, LocalDate to) throws Exception {
        return JSON.readValue(get("/kpi/monthly", dataset, from, to), new TypeReference<>() { });
    }

    /** {@code GET /kpi/funnel} for [from, to). */
    public static FunnelFigures funnel(String dataset, LocalDate from, LocalDate to) throws Exception {
        return JSON.readValue(get("/kpi/funnel", dataset, from, to), FunnelFigures.class);
    }

    /** {@code GET /kpi/compare} for [from, to). */
    public static ComparisonFigures compare(String dataset, LocalDate from, LocalDate to) throws Exception {
        return JSON.readValue(get("/kpi/compare", dataset, from, to), ComparisonFigures.class);
    }

    /** {@code GET /kpi/compare} for [from, to) {@code against} the named period. */
    public static ComparisonFigures compare(String dataset, LocalDate from, LocalDate to, String against)
            throws Exception {
        String body = given().queryParam("dataset", dataset).queryParam("from", from.toString())
                .queryParam("to", to.toString()).queryParam("against", against)
                .when().get("/kpi/compare")
                .then().statusCode(200).contentType("application/json")
                .extract().asString();
        return JSON.readValue(body, ComparisonFigures.class);
    }

    /** {@code GET /kpi/breakdown} for [from, to): its rows. */
    public static List<BreakdownFigures> breakdown(String dataset, LocalDate from, LocalDate to, String dimension,
            int top, String by) throws Exception {
        String body = given().queryParam("dataset", dataset).queryParam("from", from.toString())
                .queryParam("to", to.toString()).queryParam("dimension", dimension).queryParam("top", top)
                .queryParam("by", by)
                .when().get("/kpi/breakdown")
                .then().statusCode(200).contentType("application/json")
                .extract().asString();
        BreakdownBody breakdown = JSON.readValue(body, BreakdownBody.class);
        if (!breakdown.dataset().equals(dataset) || !breakdown.dimension().equals(dimension) || breakdown.top() != top
                || !breakdown.by().equals(by) || !breakdown.from().equals(from) || !breakdown.to().equals(to)) {
            throw new AssertionError("the breakdown does not echo its request: " + body);
        }
        return breakdown.rows();
    }

    private static String get(String path, String dataset, LocalDate from, LocalDate to) {
        return given().queryParam("dataset", dataset).queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get(path)
                .then().statusCode(200).contentType("application/json")
                .extract().asString();
    }
}
