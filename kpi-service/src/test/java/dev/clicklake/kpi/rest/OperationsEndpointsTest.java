package dev.clicklake.kpi.rest;

import static dev.clicklake.kpi.support.Reader.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, OpenAPI and metrics are served. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void isReady() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void documentsTheApi() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/kpi/daily"))
                .body(containsString("/kpi/datasets"))
                .body(containsString("ErrorBody"));
    }

    @Test
    void exposesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
