package dev.clicklake.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clicklake.ingest.openapi.ApiKeySecurityFilter;
import dev.clicklake.ingest.security.ApiKeyCheck;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/openapi} as Swagger UI reads it: a real title and description, the X-API-Key header as the security
 * scheme every operation requires (and the service really requires), every parameter described.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.application.version")
    String version;

    private JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        document = JSON.readTree(given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void hasARealTitleAndDescription() {
        JsonNode info = document.path("info");
        assertEquals("clicklake ingest-service: CSV files into bronze", info.path("title").asText());
        assertEquals(version, info.path("version").asText());
        String description = info.path("description").asText();
        for (String says : List.of("bronze", "upload", "URL", "import folders", "bronze-landed", ApiKeyCheck.HEADER)) {
            assertTrue(description.contains(says), () -> "the description says " + says + ": " + description);
        }
    }

    @Test
    void everyOperationRequiresTheApiKeyHeaderAsTheServiceDoes() {
        JsonNode scheme = document.path("components").path("securitySchemes").path(ApiKeySecurityFilter.API_KEY_HEADER);
        assertEquals("apiKey", scheme.path("type").asText(), scheme::toString);
        assertEquals("header", scheme.path("in").asText());
        assertEquals(ApiKeyCheck.HEADER, scheme.path("name").asText());
        assertEquals(ApiKeySecurityFilter.API_KEY_HEADER, document.path("security").get(0).fieldNames().next());
        List<String> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            operations.add(operation.getKey().toUpperCase() + " " + path.getKey());
            assertFalse(operation.getValue().has("security"), () -> path.getKey() + " overrides the document's security");
            JsonNode responses = operation.getValue().path("responses");
            assertTrue(responses.has("401") && responses.has("503"), () -> path.getKey() + " lists the refusals: " + responses);
            operation.getValue().path("parameters").forEach(parameter -> assertFalse(parameter.path("description").asText().isBlank(),
                    () -> operation.getKey() + " " + path.getKey() + " describes " + parameter.path("name").asText()));
        }));
        assertTrue(operations.containsAll(List.of("POST /ingestions", "GET /ingestions/{id}")), operations::toString);
        // what the scheme says is what the service does
        String unknown = "/ingestions/" + java.util.UUID.randomUUID();
        given().when().get(unknown).then().statusCode(401);
        IngestTestSupport.authorized().when().get(unknown).then().statusCode(404);
    }
}
