package dev.clicklake.enrich.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clicklake.contracts.testing.OpenApiDocument;
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
    void hasARealTitleAndDescriptionAndNoOperation() {
        OpenApiDocument document = OpenApiDocument.served();
        document.assertInfo("clicklake enrich-service: bronze splits into silver", version,
                List.of("bronze-landed", "silver-ready", "Parquet", "quarantined", "no REST endpoint"));
        assertEquals(List.of(), List.copyOf(document.operations().keySet()), "no REST endpoint");
    }
}
