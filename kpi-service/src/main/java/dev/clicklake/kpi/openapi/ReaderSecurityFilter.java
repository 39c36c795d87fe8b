package dev.clicklake.kpi.openapi;

import dev.clicklake.kpi.auth.ReaderAccess;
import dev.clicklake.kpi.catalog.GoldCatalog;
import dev.clicklake.kpi.catalog.GoldTable;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Tells kpi-service's OpenAPI document how a reader signs in, so Swagger UI's "Authorize" can call every endpoint:
 * an API key in the {@code X-API-Key} header or in the query parameter {@code clicklake.kpi.auth.api-key-parameter},
 * or HTTP Basic ({@link ReaderAccess}). Every operation needs one of the three, and may answer 401 (no valid
 * credential) or 503 (none configured). Also lists the export tables in {@code /export/{table}}'s parameter. Runs at
 * startup, with the runtime configuration.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ReaderSecurityFilter implements OASFilter {

    /** The schemes' names in {@code components.securitySchemes}. */
    public static final String API_KEY_HEADER = "apiKeyHeader";
    public static final String API_KEY_QUERY = "apiKeyQuery";
    public static final String BASIC = "basic";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String parameter = ConfigProvider.getConfig().getOptionalValue("clicklake.kpi.auth.api-key-parameter", String.class)
                .orElse("api_key");
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSecurityScheme(API_KEY_HEADER, apiKey(SecurityScheme.In.HEADER, ReaderAccess.KEY_HEADER,
                "A reader API key in the " + ReaderAccess.KEY_HEADER + " header (clicklake.kpi.auth.api-keys)"));
        components.addSecurityScheme(API_KEY_QUERY, apiKey(SecurityScheme.In.QUERY, parameter,
                "A reader API key as the query parameter " + parameter + " (Power BI's Web API credential)"));
        components.addSecurityScheme(BASIC, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A reader user name and password (clicklake.kpi.auth.basic-credentials; Power BI's Basic "
                        + "credential, the one a published report refreshes with)"));
        openAPI.setComponents(components);
        List<SecurityRequirement> anyOfThem = List.of(API_KEY_HEADER, API_KEY_QUERY, BASIC).stream()
                .map(name -> OASFactory.createSecurityRequirement().addScheme(name)).toList();
        openAPI.setSecurity(anyOfThem);
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            refusals(operation);
            if (path.startsWith("/export/{table}")) {
                listExportTables(operation);
            }
        }));
    }

    private static SecurityScheme apiKey(SecurityScheme.In in, String name, String description) {
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY).in(in).name(name).description(description);
    }

    private static void refusals(Operation operation) {
        operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse()
                .description("No valid credential: an API key (header or query) or Basic is required"));
        operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse()
                .description("No reader credential is configured on the service"));
    }

    private static void listExportTables(Operation operation) {
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getName().equals("table") && parameter.getIn() == Parameter.In.PATH) {
                parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(GoldCatalog.TABLES.stream().map(GoldTable::exportName).map(Object.class::cast).toList()));
            }
        }
    }
}
