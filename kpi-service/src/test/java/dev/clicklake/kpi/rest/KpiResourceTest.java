package dev.clicklake.kpi.rest;

import static dev.clicklake.kpi.support.Reader.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class KpiResourceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "from=2019-10-01&to=2019-10-02                   | dataset",
            "dataset=Not%20Valid&from=2019-10-01&to=2019-10-02 | dataset",
            "dataset=rees46&to=2019-10-02                    | from",
            "dataset=rees46&from=2019-10-01                  | to",
            "dataset=rees46&from=yesterday&to=2019-10-02     | from",
            "dataset=rees46&from=2019-10-01&to=2019-02-30    | to",
            "dataset=rees46&from=2019-10-02&to=2019-10-02    | from",
            "dataset=rees46&from=2019-11-01&to=2019-10-01    | from"})
    void aBadRangeIsA400WithAJsonReason(String query, String parameter) {
        given().urlEncodingEnabled(false)
                .when().get("/kpi/daily?" + query)
                .then().statusCode(400)
                .contentType("application/json")
                .body("status", equalTo(400))
                .body("parameter", equalTo(parameter))
                .body("message", not(emptyOrNullString()));
    }

    @ParameterizedTest
    @CsvSource({"/kpi/summary", "/kpi/monthly", "/kpi/funnel", "/kpi/compare"})
    void everyRangeEndpointRefusesABadRange(String path) {
        given().when().get(path + "?dataset=rees46&from=2019-11-01&to=2019-10-01")
                .then().statusCode(400)
                .body("parameter", equalTo("from"));
    }

    @Test
    void aComparisonAgainstAnUnknownPeriodIsA400() {
        given().when().get("/kpi/compare?dataset=rees46&from=2019-11-01&to=2019-12-01&against=last-year")
                .then().statusCode(400)
                .body("parameter", equalTo("against"))
                .body("message", equalTo("against must be one of previous-period, previous-month, not 'last-year'"));
    }

    @ParameterizedTest
    @CsvSource({"/kpi/daily", "/kpi/summary", "/kpi/datasets"})
    void anUnknownParameterIsA400(String path) {
        given().when().get(path + "?dataset=rees46&from=2019-10-01&to=2019-10-02&form=2019-10-01")
                .then().statusCode(400)
                .contentType("application/json")
                .body("parameter", equalTo("form"))
                .body("message", not(emptyOrNullString()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "                       | dimension",
            "dimension=color        | dimension",
            "dimension=brand&top=0  | top",
            "dimension=brand&top=ten | top",
            "dimension=brand&top=1001 | top",
            "dimension=brand&by=price | by",
            "dimension=brand&limit=5 | limit"})
    void aBadBreakdownIsA400NamingTheParameter(String query, String parameter) {
        given().urlEncodingEnabled(false)
                .when().get("/kpi/breakdown?dataset=rees46&from=2019-10-01&to=2019-10-02" + (query == null ? "" : "&" + query))
                .then().statusCode(400)
                .contentType("application/json")
                .body("parameter", equalTo(parameter))
                .body("message", not(emptyOrNullString()));
    }

    @Test
    void aBreakdownWithoutEventsHasNoRows() {
        given().queryParam("dataset", "never-loaded").queryParam("from", "2019-10-01").queryParam("to", "2019-11-01")
                .queryParam("dimension", "brand")
                .when().get("/kpi/breakdown")
                .then().statusCode(200)
                .body("rows.size()", equalTo(0))
                .body("top", equalTo(10))
                .body("by", equalTo("events"));
    }

    @Test
    void aRangeWithoutEventsHasZerosAndNullRatios() {
        given().queryParam("dataset", "never-loaded").queryParam("from", "2019-10-01").queryParam("to", "2019-11-01")
                .when().get("/kpi/summary")
                .then().statusCode(200)
                .body("events", equalTo(0))
                .body("sessions", equalTo(0))
                .body("conversionRate", nullValue())
                .body("avgPurchasePrice", nullValue())
                .body("bounceRate", nullValue());
    }

    @Test
    void aDatasetWithoutGoldHasNoDays() {
        given().queryParam("dataset", "never-loaded").queryParam("from", "2019-10-01").queryParam("to", "2019-11-01")
                .when().get("/kpi/daily")
                .then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
