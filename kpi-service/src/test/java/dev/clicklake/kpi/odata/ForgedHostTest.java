package dev.clicklake.kpi.odata;

import static dev.clicklake.kpi.support.Reader.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.clicklake.kpi.support.DailyGoldRow;
import dev.clicklake.kpi.support.GoldRowWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Host header the configuration does not allow never reaches a response: the feed's links are then relative. */
@QuarkusTest
class ForgedHostTest {

    private static final String DATASET = "odata-forged-host";
    private static final String FORGED = "evil.example";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void insertGold() throws Exception {
        GoldRowWriter writer = new GoldRowWriter(dataSource);
        writer.clear(DATASET);
        for (DailyGoldRow day : DailyGoldRow.days(DATASET, LocalDate.of(2019, 10, 1), 9, 1)) {
            writer.insert("daily_kpi", day.columns());
        }
    }

    @Test
    void aForgedHostIsNeitherInTheContextNorInTheNextLink() {
        Response page = given().urlEncodingEnabled(false).header("Host", FORGED)
                .when().get("/odata/Daily?$filter=dataset%20eq%20'" + DATASET + "'");
        page.then().statusCode(200)
                .body("'@odata.context'", equalTo("/odata/$metadata#Daily"))
                .body("'@odata.nextLink'", startsWith("/odata/Daily?$filter=dataset%20eq%20'" + DATASET + "'&$skiptoken="));
        assertThat(page.asString(), not(containsString(FORGED)));
        page.getHeaders().forEach(header -> assertThat(header.toString(), not(containsString(FORGED))));

        String next = page.jsonPath().getString("'@odata.nextLink'");
        given().urlEncodingEnabled(false).header("Host", FORGED).when().get(next)
                .then().statusCode(200).body("value.size()", equalTo(2)).body(not(containsString(FORGED)));
    }

    @Test
    void theServiceDocumentAndTheDashboardRedirectIgnoreAForgedHost() {
        given().header("Host", FORGED).when().get("/odata/")
                .then().statusCode(200).body("'@odata.context'", equalTo("/odata/$metadata"))
                .body(not(containsString(FORGED)));
        given().header("Host", FORGED).redirects().follow(false).when().get("/dashboard?dataset=x")
                .then().statusCode(301).header("Location", equalTo("/dashboard/?dataset=x"));
    }

    @Test
    void anAllowedHostIsRepeated() {
        given().header("Host", "127.0.0.1").when().get("/odata/")
                .then().statusCode(200).body("'@odata.context'", equalTo("http://127.0.0.1/odata/$metadata"));
    }
}
