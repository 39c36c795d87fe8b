package dev.clicklake.kpi.dashboard;

import dev.clicklake.kpi.config.KpiConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /kpi/display}: how the dashboard shows figures ({@code clicklake.kpi.dashboard.*}). Built at startup,
 * so a wrong currency code stops the service instead of showing the wrong currency.
 */
@Startup
@ApplicationScoped
@Path("/kpi/display")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "KPI", description = "Exact e-commerce KPIs computed from silver")
public class DisplayResource {

    private final DisplaySettings settings;

    DisplayResource(KpiConfig config) {
        this.settings = DisplaySettings.of(config.dashboard().currency());
    }

    @GET
    @Operation(summary = "How figures are shown", description = "The currency revenue and prices are in (ISO 4217).")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(schema = @Schema(implementation = DisplaySettings.class)))
    public DisplaySettings display() {
        return settings;
    }
}
