package dev.clicklake.kpi.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import dev.clicklake.kpi.catalog.GoldCatalog;
import dev.clicklake.kpi.catalog.GoldTable;
import dev.clicklake.kpi.support.GoldRowWriter;
import dev.clicklake.kpi.support.Reader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service as Power BI reaches it: the OData feed at {@code /odata} (no slash) with the key in the query, the
 * Web connector's connection test on {@code /}, and every feed URL with the Basic credential, the one a report
 * published to the Power BI service refreshes with.
 */
@QuarkusTest
class PowerBiClientTest {

    private static final String DATASET = "powerbi-client";
    private static final String USER = "powerbi";
    private static final String PASSWORD = "test-reader-password";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void insertGold() throws Exception {
        GoldRowWriter writer = new GoldRowWriter(dataSource);
        writer.clear(DATASET);
        // a dataset that starts mid-month: 5 October to 3 November 2019
        writer.insert("monthly_kpi", grain(Map.of("dataset", DATASET, "month", LocalDate.of(2019, 10, 1), "days", 27)));
        writer.insert("monthly_kpi", grain(Map.of("dataset", DATASET, "month", LocalDate.of(2019, 11, 1), "days", 3)));
        writer.insert("dataset_kpi", grain(Map.of("dataset", DATASET, "first_date", LocalDate.of(2019, 10, 5),
                "last_date", LocalDate.of(2019, 11, 3), "days", 30)));
    }

    @Test
    void theODataFeedUrlWithoutASlashServesTheServiceDocumentWithTheKeyInTheQuery() {
        Response response = given().redirects().follow(false).queryParam("api_key", Reader.API_KEY)
                .when().get("/odata");
        response.then().statusCode(200).header("OData-Version", "4.0")
                .body("value.name", hasItems("Daily", "Monthly", "Datasets"))
                .body("'@odata.context'", startsWith("http"));
        assertThat(response.jsonPath().getString("'@odata.context'"), equalTo(
                given().queryParam("api_key", Reader.API_KEY).when().get("/odata/").jsonPath().getString("'@odata.context'")));
    }

    @Test
    void theRootAnswersTheFeedIndexToAReaderOnly() {
        given().redirects().follow(false).queryParam("api_key", Reader.API_KEY).when().get("/")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("feeds.path", hasItems("odata", "odata/$metadata", "kpi/datasets", "export/daily.csv", "dashboard/"));
        basic().when().get("/").then().statusCode(200);
        given().when().get("/").then().statusCode(401);
        given().queryParam("api_key", "not-a-key").when().get("/").then().statusCode(401);
    }

    @Test
    void everyFeedOfTheIndexAnswersBasic() {
        List<Map<String, Object>> feeds = basic().when().get("/").then().statusCode(200).extract().jsonPath().getList("feeds");
        Map<String, String> values = Map.of("dataset", DATASET, "from", "2019-10-05", "to", "2019-11-04", "dimension", "brand");
        for (Map<String, Object> feed : feeds) {
            String path = (String) feed.get("path");
            @SuppressWarnings("unchecked")
            List<String> required = (List<String>) feed.get("required");
            String range = required.isEmpty() ? ""
                    : "?" + required.stream().map(name -> name + "=" + values.get(name)).collect(Collectors.joining("&"));
            // Power BI's Basic credential: the header on the first request, no key anywhere
            Response answer = basic().when().get("/" + path + range);
            assertThat(path + ": " + answer.asString(), answer.statusCode(), equalTo(200));
            given().when().get("/" + path + range).then().statusCode(path.equals("dashboard/") ? 200 : 401);
        }
        for (GoldTable table : GoldCatalog.ENTITY_SETS) {
            basic().when().get("/odata/" + table.entitySet()).then().statusCode(200).header("OData-Version", "4.0");
        }
        basic().redirects().follow(false).when().get("/odata").then().statusCode(200);
    }

    @Test
    void theMonthlyExportFromTheStartOfTheFirstMonthHasTheFirstMonth() {
        // web/Monthly.pq asks from Date.StartOfMonth(first_date): a month row belongs to [from, to) by its first day
        String fromStartOfMonth = basic().queryParam("dataset", DATASET).queryParam("from", "2019-10-01")
                .queryParam("to", "2019-11-04").when().get("/export/monthly.csv").then().statusCode(200).extract().asString();
        assertThat(months(fromStartOfMonth), equalTo(List.of("2019-10-01", "2019-11-01")));
        String fromFirstDate = basic().queryParam("dataset", DATASET).queryParam("from", "2019-10-05")
                .queryParam("to", "2019-11-04").when().get("/export/monthly.csv").then().statusCode(200).extract().asString();
        assertThat("what the query used to ask drops October", months(fromFirstDate), equalTo(List.of("2019-11-01")));
        assertThat(basic().queryParam("dataset", DATASET).when().get("/export/datasets.csv").asString(),
                containsString(DATASET + ",2019-10-05,2019-11-03,30,"));
    }

    private static RequestSpecification basic() {
        return given().auth().preemptive().basic(USER, PASSWORD);
    }

    private static List<String> months(String csv) {
        return Arrays.stream(csv.split("\r?\n")).skip(1).map(line -> line.split(",")[1]).toList();
    }

    /** A month or dataset row: {@code key} columns, then 1 for every count, 0 for money, now for built_at. */
    private static Map<String, Object> grain(Map<String, Object> key) {
        Map<String, Object> row = new LinkedHashMap<>(key);
        for (String count : List.of("events", "views", "carts", "removes", "purchases", "users", "sessions", "buyers",
                "viewing_sessions", "carting_sessions", "purchasing_sessions", "cart_purchase_sessions",
                "funnel_cart_sessions", "funnel_purchase_sessions", "session_events", "session_duration_us",
                "bounced_sessions")) {
            row.put(count, 1L);
        }
        row.put("revenue", BigDecimal.ZERO);
        row.put("built_at", OffsetDateTime.now());
        return row;
    }
}
