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

/**
 * Behind a TLS-terminating ingress with no public base URL configured: the X-Forwarded-Proto and X-Forwarded-Host
 * of a trusted proxy (the test client's 127.0.0.1) give the links their https scheme and public host; a Host the
 * allowed hosts do not name is still never repeated.
 */
@QuarkusTest
@TestProfile(ForwardedByTrustedProxyTest.TrustedIngress.class)
class ForwardedByTrustedProxyTest {

    static final String DATASET = "odata-forwarded";
    static final String PUBLIC_HOST = "kpi.example.com";

    public static class TrustedIngress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.enable-forwarded-host", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1",
                    "clicklake.kpi.odata.allowed-hosts", "localhost,127.0.0.1," + PUBLIC_HOST);
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void linksCarryTheForwardedSchemeAndHost() throws Exception {
        insertDays(dataSource);
        given().urlEncodingEnabled(false).header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", PUBLIC_HOST)
                .when().get("/odata/Daily?$filter=dataset%20eq%20'" + DATASET + "'")
                .then().statusCode(200)
                .body("'@odata.context'", equalTo("https://" + PUBLIC_HOST + "/odata/$metadata#Daily"))
                .body("'@odata.nextLink'", startsWith("https://" + PUBLIC_HOST + "/odata/Daily?"));
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", PUBLIC_HOST)
                .when().get("/odata")
                .then().statusCode(200)
                .body("'@odata.context'", equalTo("https://" + PUBLIC_HOST + "/odata/$metadata"));
        // forwarded from the trusted proxy, but not an allowed host: relative links, the forged host never shows
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example.net")
                .when().get("/odata/")
                .then().statusCode(200)
                .body("'@odata.context'", equalTo("/odata/$metadata"));
    }

    /** Nine days of {@link #DATASET}: more than the test page size, so the first page has a nextLink. */
    static void insertDays(DataSource dataSource) throws Exception {
        GoldRowWriter writer = new GoldRowWriter(dataSource);
        writer.clear(DATASET);
        for (DailyGoldRow day : DailyGoldRow.days(DATASET, LocalDate.of(2019, 10, 1), 9, 3)) {
            writer.insert("daily_kpi", day.columns());
        }
    }
}
