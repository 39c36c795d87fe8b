package dev.clicklake.kpi.odata;

import static dev.clicklake.kpi.support.Reader.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.clicklake.kpi.support.DailyGoldRow;
import dev.clicklake.kpi.support.GoldRowWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Behind an ingress the feed's links start with the configured public address, not the address it was reached at. */
@QuarkusTest
@TestProfile(ODataPublicBaseUrlTest.BehindAnIngress.class)
class ODataPublicBaseUrlTest {

    private static final String PUBLIC = "https://kpi.example.com/bi";

    public static class BehindAnIngress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clicklake.kpi.odata.public-base-url", PUBLIC + "/");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void contextAndNextLinkUseThePublicAddress() throws Exception {
        GoldRowWriter writer = new GoldRowWriter(dataSource);
        writer.clear("odata-public");
        for (DailyGoldRow day : DailyGoldRow.days("odata-public", LocalDate.of(2019, 10, 1), 9, 1)) {
            writer.insert("daily_kpi", day.columns());
        }
        given().urlEncodingEnabled(false).when().get("/odata/Daily?$filter=dataset%20eq%20'odata-public'")
                .then().statusCode(200)
                .body("'@odata.context'", equalTo(PUBLIC + "/odata/$metadata#Daily"))
                .body("'@odata.nextLink'", startsWith(PUBLIC + "/odata/Daily?$filter=dataset%20eq%20'odata-public'&$skiptoken="));
        given().when().get("/odata/")
                .then().statusCode(200)
                .body("'@odata.context'", equalTo(PUBLIC + "/odata/$metadata"));
    }
}
