package dev.clicklake.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clicklake.contracts.testing.OpenApiDocument;
import dev.clicklake.ingest.openapi.ApiKeySecurityFilter;
import dev.clicklake.ingest.security.ApiKeyCheck;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/openapi} as Swagger UI reads it: a real title and description, the X-API-Key header as the security
 * scheme every operation requires (and the service really requires), every parameter described.
 */
@QuarkusTest
class OpenApiDocumentTest {

    @ConfigProperty(name = "quarkus.application.version")
    String version;

    private OpenApiDocument document;

    @BeforeEach
    void readTheDocument() {
        document = OpenApiDocument.served();
    }

    @Test
    void hasARealTitleAndDescription() {
        document.assertInfo("clicklake ingest-service: CSV files into bronze", version,
                List.of("bronze", "upload", "URL", "import folders", "bronze-landed", ApiKeyCheck.HEADER));
    }

    @Test
    void everyOperationRequiresTheApiKeyHeaderAsTheServiceDoes() {
        JsonNode scheme = document.securityScheme(ApiKeySecurityFilter.API_KEY_HEADER);
        assertEquals("apiKey", scheme.path("type").asText(), scheme::toString);
        assertEquals("header", scheme.path("in").asText());
        assertEquals(ApiKeyCheck.HEADER, scheme.path("name").asText());
        assertEquals(List.of(ApiKeySecurityFilter.API_KEY_HEADER), document.securityAlternatives());
        document.assertEveryOperationTakesTheDocumentsSecurity(List.of("401", "503"));
        document.operations().forEach((name, operation) -> operation.path("parameters").forEach(parameter ->
                assertFalse(parameter.path("description").asText().isBlank(), () -> name + " describes " + parameter.path("name"))));
        assertTrue(document.operations().keySet().containsAll(List.of("POST /ingestions", "GET /ingestions/{id}")),
                () -> document.operations().keySet().toString());
        // what the scheme says is what the service does
        String unknown = "/ingestions/" + UUID.randomUUID();
        given().when().get(unknown).then().statusCode(401);
        IngestTestSupport.authorized().when().get(unknown).then().statusCode(404);
    }
}
