package dev.clicklake.kpi.export;

import static dev.clicklake.kpi.support.GoldRowWriter.row;
import static dev.clicklake.kpi.support.Reader.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.clicklake.kpi.support.DecimalAssert;
import dev.clicklake.kpi.support.DailyGoldRow;
import dev.clicklake.kpi.support.GoldRowWriter;
import dev.clicklake.kpi.support.Reader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ExportResourceTest {

    private static final String DATASET = "export-test";
    private static final String BRAND_HEADER = "dataset,event_date,brand,events,views,carts,removes,purchases,revenue,users,"
            + "sessions,buyers,carting_sessions,purchasing_sessions,conversion_rate,session_conversion_rate,"
            + "user_conversion_rate,cart_to_purchase_rate,view_to_cart_rate,sessions_per_user,avg_purchase_price";
    private static final String DAILY_HEADER = "dataset,event_date,events,views,carts,removes,purchases,revenue,users,"
            + "sessions,buyers,viewing_sessions,carting_sessions,purchasing_sessions,cart_purchase_sessions,"
            + "funnel_cart_sessions,funnel_purchase_sessions,session_events,session_duration_us,bounced_sessions,built_at,"
            + "conversion_rate,session_conversion_rate,user_conversion_rate,cart_to_purchase_rate,cart_abandonment_rate,"
            + "view_to_cart_rate,events_per_session,sessions_per_user,avg_session_duration_s,bounce_rate,avg_purchase_price";
    // figures chosen by hand; ratios worked out by hand (1/5, 1/4, 1/1, 1/8, 5/4, 19.99/1)
    private static final String ACME = "export-test,2019-10-01,acme,3,3,0,0,0,0.00,0,0,0,0,0,,,,,0.000000,,";
    private static final String SMITH = "export-test,2019-10-02,\"Smith, Jones & \"\"Co\"\"\",10,8,1,0,1,19.99,4,5,1,1,1,"
            + "0.200000,0.200000,0.250000,1.000000,0.125000,1.250000,19.99";
    private static final String UNICODE = "export-test,2019-10-03,ünïcode,2,1,1,0,0,0.00,1,1,0,0,1,"
            + "0.000000,1.000000,0.000000,0.000000,1.000000,1.000000,";

    @Inject
    DataSource dataSource;

    private List<DailyGoldRow> days;

    @BeforeEach
    void insertGold() throws Exception {
        GoldRowWriter writer = new GoldRowWriter(dataSource);
        writer.clear(DATASET);
        writer.insert("daily_brand_kpi", brand("2019-10-01", "acme", 3, 3, 0, 0, "0.00", 0, 0, 0, 0, 0));
        writer.insert("daily_brand_kpi", brand("2019-10-02", "Smith, Jones & \"Co\"", 10, 8, 1, 1, "19.99", 4, 5, 1, 1, 1));
        writer.insert("daily_brand_kpi", brand("2019-10-03", "ünïcode", 2, 1, 1, 0, "0.00", 1, 1, 0, 0, 1));
        days = DailyGoldRow.days(DATASET, LocalDate.of(2019, 10, 1), 12, 7);
        for (DailyGoldRow day : days) {
            writer.insert("daily_kpi", day.columns());
        }
    }

    @Test
    void csvHasAHeaderRfc4180QuotingAndUtf8() {
        byte[] body = given().queryParam("dataset", DATASET).when().get("/export/daily-by-brand.csv")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8), equalTo(String.join("\r\n", BRAND_HEADER, ACME, SMITH, UNICODE) + "\r\n"));
    }

    @ParameterizedTest
    @CsvSource({
            // Power BI RangeStart/RangeEnd: a bound is the first UTC day starting at or after it
            "2019-10-01,                  2019-10-03,                1",
            "2019-10-01T00:00:00,         2019-10-03T00:00:00,       1",
            "2019-10-01T00:00:00+01:00,   2019-10-02T23:00:00-01:00, 1",
            "2019-10-01T00:00:01Z,        2019-10-04,                2",
            "2019-09-30T23:59:59.5+00:00, 2019-10-02T00:00:00.001Z,  1"})
    void fromAndToAreHalfOpenOnTheDay(String from, String to, int expected) {
        String body = given().queryParam("dataset", DATASET).queryParam("from", from).queryParam("to", to)
                .when().get("/export/daily-by-brand.csv")
                .then().statusCode(200).extract().asString();
        List<String> wanted = expected == 1 ? List.of(BRAND_HEADER, ACME, SMITH) : List.of(BRAND_HEADER, SMITH, UNICODE);
        assertThat(Arrays.asList(body.split("\r\n")), equalTo(wanted));
    }

    @Test
    void dailyCsvHasEveryColumnAndTheRatios() {
        String body = given().queryParam("dataset", DATASET).queryParam("from", "2019-10-03").queryParam("to", "2019-10-11")
                .when().get("/export/daily.csv")
                .then().statusCode(200).extract().asString();
        List<String> lines = Arrays.asList(body.split("\r\n"));
        assertThat(lines.get(0), equalTo(DAILY_HEADER));
        assertThat(lines, hasSize(1 + 8));
        List<String> header = Arrays.asList(DAILY_HEADER.split(","));
        for (int i = 0; i < 8; i++) {
            DailyGoldRow day = days.get(i + 2);
            String[] fields = lines.get(i + 1).split(",", -1);
            assertThat(fields[header.indexOf("event_date")], equalTo(day.eventDate().toString()));
            assertThat(fields[header.indexOf("revenue")], equalTo(day.revenue().toPlainString()));
            assertThat(fields[header.indexOf("built_at")], equalTo(day.builtAt() == null ? "" : day.builtAt().toInstant().toString()));
            DecimalAssert.sameDecimal(fields[header.indexOf("conversion_rate")], day.conversionRate());
            DecimalAssert.sameDecimal(fields[header.indexOf("cart_abandonment_rate")], day.cartAbandonmentRate());
            DecimalAssert.sameDecimal(fields[header.indexOf("avg_session_duration_s")], day.avgSessionDurationS());
            DecimalAssert.sameDecimal(fields[header.indexOf("avg_purchase_price")], day.avgPurchasePrice());
        }
    }

    @Test
    void jsonHasTheSameRowsWithExactDecimals() {
        String body = given().queryParam("dataset", DATASET).when().get("/export/daily.json")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .extract().asString();
        List<Map<String, Object>> rows = new JsonPath(body)
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .getList("$");
        assertThat(rows, hasSize(days.size()));
        for (int i = 0; i < days.size(); i++) {
            DailyGoldRow day = days.get(i);
            Map<String, Object> served = rows.get(i);
            assertThat(served.get("event_date"), equalTo(day.eventDate().toString()));
            assertThat(served.get("revenue"), equalTo(day.revenue()));
            assertThat(served.get("events").toString(), equalTo(Long.toString(day.events())));
            DecimalAssert.sameDecimal(served.get("conversion_rate"), day.conversionRate());
            DecimalAssert.sameDecimal(served.get("bounce_rate"), day.bounceRate());
            DecimalAssert.sameDecimal(served.get("avg_purchase_price"), day.avgPurchasePrice());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/export/daily.csv?dataset=export-test&form=2019-10-01             | form",
            "/export/daily.csv?from=yesterday                                  | from",
            "/export/daily.json?to=2019-13-01                                  | to",
            "/export/daily.csv?from=2019-10-02&to=2019-10-02                   | from",
            "/export/daily.csv?from=2019-10-02T00:00:01Z&to=2019-10-03        | from",
            "/export/daily.csv?dataset=Not%20Valid                             | dataset",
            "/export/daily.csv?dataset=a&dataset=b                             | dataset",
            "/export/datasets.csv?from=2019-10-01                              | from",
            "/export/weekly.csv                                                | table",
            "/export/daily.csv?dataset=export-test&api_key=test-reader-key&x=1 | x"})
    void aBadRequestIsA400WithAReason(String url, String parameter) {
        String body = given().urlEncodingEnabled(false).when().get(url)
                .then().statusCode(400).contentType("application/json")
                .body("status", equalTo(400))
                .body("parameter", equalTo(parameter))
                .body("message", not(emptyOrNullString()))
                .extract().asString();
        assertThat(body, not(containsString(Reader.API_KEY)));
    }

    @Test
    void theApiKeyMayTravelAsAQueryParameter() {
        String body = RestAssured.given().queryParam("api_key", Reader.API_KEY).queryParam("dataset", DATASET)
                .when().get("/export/daily-by-brand.csv")
                .then().statusCode(200).extract().asString();
        assertThat(Arrays.asList(body.split("\r\n")), contains(BRAND_HEADER, ACME, SMITH, UNICODE));
    }

    @Test
    void exportsAreGzippedWhenAsked() {
        given().header("Accept-Encoding", "gzip").queryParam("dataset", DATASET)
                .when().get("/export/daily.csv")
                .then().statusCode(200).header("Content-Encoding", "gzip");
    }

    @ParameterizedTest
    @CsvSource({"daily", "monthly", "datasets", "daily-by-category", "daily-by-brand", "hourly", "daily-funnel"})
    void everyTableExportsWithAHeader(String table) {
        String body = given().queryParam("dataset", "never-loaded").when().get("/export/" + table + ".csv")
                .then().statusCode(200).extract().asString();
        assertThat(body, startsWith("dataset,"));
        assertThat(body.split("\r\n").length, equalTo(1));
        given().queryParam("dataset", "never-loaded").when().get("/export/" + table + ".json")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    private static Map<String, Object> brand(String day, String brand, long events, long views, long carts, long purchases,
                                             String revenue, long users, long sessions, long buyers, long carting,
                                             long purchasing) {
        return row("dataset", DATASET, "event_date", LocalDate.parse(day), "brand", brand, "events", events, "views", views,
                "carts", carts, "removes", 0L, "purchases", purchases, "revenue", new BigDecimal(revenue), "users", users,
                "sessions", sessions, "buyers", buyers, "carting_sessions", carting, "purchasing_sessions", purchasing);
    }
}
