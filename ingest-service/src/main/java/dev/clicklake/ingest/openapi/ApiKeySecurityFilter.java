package dev.clicklake.ingest.openapi;

import dev.clicklake.ingest.security.ApiKeyCheck;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Tells ingest-service's OpenAPI document how a caller signs in, so Swagger UI's "Authorize" can call every endpoint:
 * an API key in the {@code X-API-Key} header ({@link ApiKeyCheck}, the only credential this service takes), required
 * by every operation, which may answer 401 (no valid key) or 503 (none configured).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ApiKeySecurityFilter implements OASFilter {

    /** The scheme's name in {@code components.securitySchemes}. */
    public static final String API_KEY_HEADER = "apiKeyHeader";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSecurityScheme(API_KEY_HEADER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(ApiKeyCheck.HEADER)
                .description("An API key in the " + ApiKeyCheck.HEADER + " header (clicklake.ingest.api-keys)"));
        openAPI.setComponents(components);
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(API_KEY_HEADER)));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse()
                    .description("No valid API key in the " + ApiKeyCheck.HEADER + " header"));
            operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse()
                    .description("No API key is configured on the service"));
        }));
    }
}
