package dev.clicklake.kpi.odata;

import static dev.clicklake.kpi.support.Reader.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Forwarding on, but the request does not come from a trusted proxy (only 10.0.0.1 is): its X-Forwarded-Proto and
 * X-Forwarded-Host are ignored, and the links keep the address the request was really sent to.
 */
@QuarkusTest
@TestProfile(ForwardedByUntrustedSourceTest.OtherProxy.class)
class ForwardedByUntrustedSourceTest {

    public static class OtherProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.enable-forwarded-host", "true",
                    "quarkus.http.proxy.trusted-proxies", "10.0.0.1",
                    "clicklake.kpi.odata.allowed-hosts", "localhost,127.0.0.1," + ForwardedByTrustedProxyTest.PUBLIC_HOST);
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void forwardedHeadersFromAnUntrustedSourceAreIgnored() throws Exception {
        ForwardedByTrustedProxyTest.insertDays(dataSource);
        String own = RestAssured.baseURI + ":" + RestAssured.port + "/odata";
        given().urlEncodingEnabled(false).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", ForwardedByTrustedProxyTest.PUBLIC_HOST)
                .when().get("/odata/Daily?$filter=dataset%20eq%20'" + ForwardedByTrustedProxyTest.DATASET + "'")
                .then().statusCode(200)
                .body("'@odata.context'", equalTo(own + "/$metadata#Daily"))
                .body("'@odata.nextLink'", startsWith(own + "/Daily?"));
    }
}
