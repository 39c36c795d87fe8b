package dev.clicklake.kpi.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /}: the feeds, for a reader (Power BI's Web connector checks its credential on the root URL). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Index", description = "What the service serves")
public class IndexResource {

    private static final FeedIndex INDEX = FeedIndex.of();

    @GET
    @Operation(summary = "The feeds", description = "Every feed by its path relative to the service's root.")
    @APIResponse(responseCode = "200", description = "The index",
            content = @Content(schema = @Schema(implementation = FeedIndex.class)))
    public FeedIndex index() {
        return INDEX;
    }
}
