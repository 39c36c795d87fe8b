package dev.clicklake.kpi.odata;

import static dev.clicklake.kpi.support.Reader.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

import dev.clicklake.kpi.support.DailyGoldRow;
import dev.clicklake.kpi.support.GoldRowWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ODataFeedTest {

    private static final String DATASET = "odata-feed";
    private static final LocalDate FIRST = LocalDate.of(2019, 10, 1);
    private static final String POWER_QUERY_ACCEPT = "application/json;odata.metadata=minimal;q=1.0,"
            + "application/json;odata=minimalmetadata;q=0.9,application/atomsvc+xml;q=0.8,application/atom+xml;q=0.8,"
            + "application/xml;q=0.7,text/plain;q=0.7";

    @Inject
    DataSource dataSource;

    private List<DailyGoldRow> days;

    @BeforeEach
    void insertGold() throws Exception {
        GoldRowWriter writer = new GoldRowWriter(dataSource);
        writer.clear(DATASET);
        days = DailyGoldRow.days(DATASET, FIRST, 20, 42);
        for (DailyGoldRow day : days) {
            writer.insert("daily_kpi", day.columns());
        }
    }

    @Test
    void metadataIsCsdlXmlWhateverTheAccept() {
        for (String accept : List.of(POWER_QUERY_ACCEPT, "application/json", "*/*")) {
            String xml = given().header("Accept", accept).when().get("/odata/$metadata")
                    .then().statusCode(200).contentType(startsWith("application/xml"))
                    .header("OData-Version", "4.0")
                    .extract().asString();
            for (String part : List.of("Namespace=\"Clicklake\"", "<EntitySet Name=\"DailyByBrand\"",
                    "Name=\"conversion_rate\" Type=\"Edm.Decimal\"", "Name=\"built_at\" Type=\"Edm.DateTimeOffset\"")) {
                assertThat(xml, containsString(part));
            }
        }
    }

    @Test
    void theServiceDocumentListsEveryEntitySet() {
        given().header("Accept", POWER_QUERY_ACCEPT).when().get("/odata/")
                .then().statusCode(200)
                .body("value.name", hasItems("Daily", "Monthly", "Datasets", "DailyByCategory", "DailyByBrand", "Hourly",
                        "DailyFunnel"));
    }

    @Test
    void powerQueryReadsAFilteredPageWithRatios() {
        Response response = given().header("Accept", POWER_QUERY_ACCEPT)
                .queryParam("$filter", "dataset eq '" + DATASET + "' and event_date ge 2019-10-03 and event_date lt 2019-10-10")
                .when().get("/odata/Daily");
        response.then().statusCode(200).contentType(startsWith("application/json"));
        assertThat(response.headers().getValues("OData-Version"), contains("4.0"));
        JsonPath json = response.jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));
        List<Map<String, Object>> value = json.getList("value");
        assertThat(value, hasSize(7));
        for (int i = 0; i < 7; i++) {
            DailyGoldRow day = days.get(i + 2);
            Map<String, Object> served = value.get(i);
            assertThat(served.get("event_date"), equalTo(day.eventDate().toString()));
            assertDecimal(served.get("conversion_rate"), day.conversionRate());
            assertDecimal(served.get("cart_abandonment_rate"), day.cartAbandonmentRate());
            assertDecimal(served.get("avg_session_duration_s"), day.avgSessionDurationS());
            assertDecimal(served.get("avg_purchase_price"), day.avgPurchasePrice());
            assertDecimal(served.get("bounce_rate"), day.bounceRate());
        }
    }

    /** Served decimals equal the expected ones (scale aside); null where the expected ratio is undefined. */
    static void assertDecimal(Object served, BigDecimal expected) {
        if (expected == null) {
            assertThat(served, nullValue());
        } else {
            assertThat(new BigDecimal(served.toString()), comparesEqualTo(expected));
        }
    }
}
