package dev.clicklake.enrich.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/openapi}: a real title and description, and no operation, since enrich-service serves no REST endpoint
 * (so it has no security scheme to describe).
 */
@QuarkusTest
class OpenApiDocumentTest {

    @ConfigProperty(name = "quarkus.application.version")
    String version;

    @Test
    void hasARealTitleAndDescriptionAndNoOperation() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        JsonNode info = document.path("info");
        assertEquals("clicklake enrich-service: bronze splits into silver", info.path("title").asText());
        assertEquals(version, info.path("version").asText());
        String description = info.path("description").asText();
        for (String says : List.of("bronze-landed", "silver-ready", "Parquet", "quarantined", "no REST endpoint")) {
            assertTrue(description.contains(says), () -> "the description says " + says + ": " + description);
        }
        assertEquals(0, document.path("paths").size(), () -> "no REST endpoint: " + document.path("paths"));
    }
}
