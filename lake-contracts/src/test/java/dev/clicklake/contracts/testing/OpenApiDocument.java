package dev.clicklake.contracts.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's OpenAPI document ({@code /q/openapi?format=json}) as the services' tests check it: its title,
 * version and description, its operations, the security they require.
 */
public final class OpenApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** The document from its JSON text. */
    /** The document the service under test serves at {@code /q/openapi} (open, like /q/health), as Swagger UI reads it. */
    public static OpenApiDocument served() {
        return parse(io.restassured.RestAssured.given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().asString());
    }

    public static OpenApiDocument parse(String json) {
        try {
            return new OpenApiDocument(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** The title is {@code title}, the version {@code version}, and the description says each of {@code says}. */
    public void assertInfo(String title, String version, List<String> says) {
        JsonNode info = root.path("info");
        assertEquals(title, info.path("title").asText());
        assertEquals(version, info.path("version").asText());
        String description = info.path("description").asText();
        for (String said : says) {
            assertTrue(description.contains(said), () -> "the description says " + said + ": " + description);
        }
    }

    /** Every operation, as {@code "GET /path"}, in the document's order. */
    public Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue())));
        return operations;
    }

    /** The document's security requirements, each as its schemes' names joined by {@code +}: the alternatives. */
    public List<String> securityAlternatives() {
        List<String> alternatives = new ArrayList<>();
        root.path("security").forEach(requirement -> {
            List<String> schemes = new ArrayList<>();
            requirement.fieldNames().forEachRemaining(schemes::add);
            alternatives.add(String.join("+", schemes));
        });
        return alternatives;
    }

    /** The security scheme {@code name} of {@code components.securitySchemes}. */
    public JsonNode securityScheme(String name) {
        return root.path("components").path("securitySchemes").path(name);
    }

    /** No operation overrides the document's security, and each lists every response of {@code refusals}. */
    public void assertEveryOperationTakesTheDocumentsSecurity(List<String> refusals) {
        Map<String, JsonNode> operations = operations();
        assertFalse(operations.isEmpty(), "the document lists operations");
        operations.forEach((name, operation) -> {
            assertFalse(operation.has("security"), () -> name + " overrides the document's security");
            refusals.forEach(status -> assertTrue(operation.path("responses").has(status),
                    () -> name + " lists the refusal " + status + ": " + operation.path("responses")));
        });
    }
}
