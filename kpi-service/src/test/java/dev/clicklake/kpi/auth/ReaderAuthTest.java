package dev.clicklake.kpi.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.clicklake.kpi.support.Reader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** The reader filter on the running service: every REST endpoint wants a credential; /q/* stays open. */
@QuarkusTest
class ReaderAuthTest {

    @Test
    void withoutCredentialsEveryEndpointIs401WithBothChallenges() {
        for (String path : new String[] {"/kpi/datasets", "/kpi/summary?dataset=x&from=2019-10-01&to=2019-10-02",
                "/kpi/nothing-here", "/odata", "/export/daily.csv"}) {
            ValidatableResponse response = given().when().get(path).then().statusCode(401);
            response.body(containsString("credentials are required"));
        }
        given().when().get("/kpi/datasets").then().statusCode(401)
                .body("status", equalTo(401));
    }

    @Test
    void refusalsUnderODataAreODataErrors() {
        given().queryParam("api_key", "wrong-key-123").when().get("/odata/$metadata").then().statusCode(401)
                .header("OData-Version", "4.0")
                .body("error.code", equalTo("Unauthorized"))
                .body(not(containsString("wrong-key-123")));
    }

    @Test
    void aKeyInTheHeaderOrQueryOrBasicReadsGold() {
        Reader.given().when().get("/kpi/datasets").then().statusCode(200);
        given().queryParam("api_key", Reader.API_KEY).when().get("/kpi/datasets").then().statusCode(200);
        given().auth().preemptive().basic("powerbi", "test-reader-password").when().get("/kpi/datasets")
                .then().statusCode(200);
    }

    @Test
    void wrongCredentialsAre401AndNotEchoed() {
        given().header("X-API-Key", "guess-42").when().get("/kpi/datasets").then().statusCode(401)
                .body(not(containsString("guess-42")));
        given().auth().preemptive().basic("powerbi", "guess-42").when().get("/kpi/datasets").then().statusCode(401)
                .body(not(containsString("guess-42")));
        given().header("Authorization", "Bearer guess-42").when().get("/kpi/datasets").then().statusCode(401)
                .body("message", equalTo("the Authorization scheme must be Basic"));
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("clicklake_kpi_reader_refused_total"));
    }

    @Test
    void theChallengesNameBasicAndTheApiKeyParameter() {
        assertThat(
                given().when().get("/kpi/datasets").then().extract().headers().getValues("WWW-Authenticate"),
                hasItems("Basic realm=\"clicklake\", charset=\"UTF-8\"",
                        "ApiKey realm=\"clicklake\", header=\"X-API-Key\", query=\"api_key\""));
    }
}
