package dev.clicklake.kpi.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The dashboard's address without its trailing slash leads to the page, its query string kept. */
@QuarkusTest
class DashboardRedirectTest {

    @Test
    void withoutTheSlashIsAPermanentRedirectToTheFolder() {
        given().redirects().follow(false).when().get("/dashboard").then().statusCode(301)
                .header("Location", equalTo("/dashboard/"));
        given().redirects().follow(false).queryParam("api_key", "k").queryParam("dataset", "d")
                .when().get("/dashboard").then().statusCode(301)
                .header("Location", equalTo("/dashboard/?api_key=k&dataset=d"));
    }

    @Test
    void followingItServesThePage() {
        given().when().get("/dashboard").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("clicklake KPI dashboard"));
    }
}
