package dev.clicklake.kpi.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clicklake.contracts.testing.OpenApiDocument;
import dev.clicklake.kpi.auth.ReaderAccess;
import dev.clicklake.kpi.catalog.GoldCatalog;
import dev.clicklake.kpi.catalog.GoldTable;
import dev.clicklake.kpi.support.Reader;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/openapi} as Swagger UI reads it: a real title and description; the three ways a reader signs in as
 * security schemes, required by every operation (and each of them really accepted by the endpoints the document
 * lists); the export endpoints' parameters described.
 */
@QuarkusTest
class OpenApiDocumentTest {

    @ConfigProperty(name = "clicklake.kpi.auth.api-key-parameter")
    String keyParameter;

    @ConfigProperty(name = "quarkus.application.version")
    String version;

    private OpenApiDocument document;

    @BeforeEach
    void readTheDocument() {
        document = OpenApiDocument.served();
    }

    @Test
    void hasARealTitleAndDescription() {
        document.assertInfo("clicklake kpi-service: gold KPIs for Power BI", version,
                List.of("/kpi", "/export", "/odata", "[from, to)", ReaderAccess.KEY_HEADER, keyParameter, "Basic"));
    }

    @Test
    void describesTheThreeWaysAReaderSignsIn() {
        assertEquals(Set.of(ReaderSecurityFilter.API_KEY_HEADER, ReaderSecurityFilter.API_KEY_QUERY, ReaderSecurityFilter.BASIC),
                fieldNames(document.root().path("components").path("securitySchemes")));
        assertScheme(document.securityScheme(ReaderSecurityFilter.API_KEY_HEADER), "apiKey",
                Map.of("in", "header", "name", ReaderAccess.KEY_HEADER));
        assertScheme(document.securityScheme(ReaderSecurityFilter.API_KEY_QUERY), "apiKey", Map.of("in", "query", "name", keyParameter));
        assertScheme(document.securityScheme(ReaderSecurityFilter.BASIC), "http", Map.of("scheme", "basic"));
        assertEquals(List.of(ReaderSecurityFilter.API_KEY_HEADER, ReaderSecurityFilter.API_KEY_QUERY, ReaderSecurityFilter.BASIC),
                document.securityAlternatives(), "any one of the three");
    }

    @Test
    void everyOperationIsSecuredAsTheServiceSecuresIt() {
        document.assertEveryOperationTakesTheDocumentsSecurity(List.of("401", "503"));
        Set<String> operations = document.operations().keySet();
        assertTrue(operations.containsAll(List.of("GET /kpi/summary", "GET /kpi/display", "GET /export/{table}.csv",
                "GET /export/{table}.json", "GET /")), () -> "the document lists " + operations);
        for (String get : List.of("/", "/kpi/datasets", "/kpi/display", "/export/datasets.csv")) {
            // what the schemes say is what the service does: refused without, served with each
            given().when().get(get).then().statusCode(401);
            Reader.given().when().get(get).then().statusCode(200);
            given().queryParam(keyParameter, Reader.API_KEY).when().get(get).then().statusCode(200);
            given().auth().preemptive().basic("powerbi", "test-reader-password").when().get(get).then().statusCode(200);
        }
    }

    @Test
    void documentsTheExportParameters() {
        List<String> tables = GoldCatalog.TABLES.stream().map(GoldTable::exportName).toList();
        for (String path : List.of("/export/{table}.csv", "/export/{table}.json")) {
            Map<String, JsonNode> parameters = new TreeMap<>();
            document.root().path("paths").path(path).path("get").path("parameters")
                    .forEach(p -> parameters.put(p.path("in").asText() + ":" + p.path("name").asText(), p));
            assertEquals(Set.of("path:table", "query:dataset", "query:from", "query:to"), parameters.keySet(), path);
            parameters.forEach((name, parameter) -> assertFalse(parameter.path("description").asText().isBlank(),
                    () -> path + " describes " + name));
            assertTrue(parameters.get("path:table").path("required").asBoolean());
            List<String> listed = new ArrayList<>();
            parameters.get("path:table").path("schema").path("enum").forEach(t -> listed.add(t.asText()));
            assertEquals(tables, listed, () -> path + " lists the export tables");
            assertTrue(parameters.get("query:from").path("description").asText().contains("ISO-8601"));
        }
    }

    private static void assertScheme(JsonNode scheme, String type, Map<String, String> fields) {
        assertEquals(type, scheme.path("type").asText(), scheme::toString);
        fields.forEach((field, value) -> assertEquals(value, scheme.path(field).asText(), () -> field + " of " + scheme));
        assertFalse(scheme.path("description").asText().isBlank(), scheme::toString);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
