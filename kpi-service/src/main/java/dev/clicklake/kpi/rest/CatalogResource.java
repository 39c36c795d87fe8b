package dev.clicklake.kpi.rest;

import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.kpi.catalog.CatalogFacts;
import dev.clicklake.kpi.catalog.DatasetCatalog;
import dev.clicklake.kpi.catalog.DatasetEntry;
import dev.clicklake.kpi.store.CatalogRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code GET /catalog/datasets[/{dataset}]}: every dataset with, per layer, its schema, rows and bytes, first and last
 * day and last update, the ingestions that fed it and the quality of its silver, from what kpi-service recorded of
 * each split it built gold from ({@link DatasetCatalog}).
 */
@Path("/catalog/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "What each dataset holds in bronze, silver and gold, and where it came from")
public class CatalogResource {

    private final CatalogRepository repository;
    private final DatasetCatalog catalog;

    CatalogResource(CatalogRepository repository, LakeConfig lake) {
        this.repository = repository;
        this.catalog = new DatasetCatalog(lake.containers().bronze(), lake.containers().silver());
    }

    @GET
    @Operation(summary = "Every dataset of the catalog",
            description = "Each dataset with a split built into gold or with gold, by name: per layer (bronze, silver,"
                    + " gold) its tables and columns, rows, bytes, first and last day and last update (null where"
                    + " kpi-service does not know it; notKnown says what and why), silver's quality figures, and the"
                    + " newest " + DatasetCatalog.MAX_INGESTIONS + " ingestions that fed it.")
    @APIResponse(responseCode = "200", description = "The datasets (an empty list before any gold was built)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DatasetEntry.class)))
    public List<DatasetEntry> list() throws Exception {
        List<DatasetEntry> entries = new ArrayList<>();
        for (String dataset : repository.datasets()) {
            entries.add(catalog.entry(repository.facts(dataset, DatasetCatalog.MAX_INGESTIONS)));
        }
        return entries;
    }

    @GET
    @Path("/{dataset}")
    @Operation(summary = "One dataset of the catalog", description = "As one entry of GET /catalog/datasets.")
    @APIResponse(responseCode = "200", description = "The dataset",
            content = @Content(schema = @Schema(implementation = DatasetEntry.class)))
    @APIResponse(responseCode = "400", description = "The dataset name is not a dataset name",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(responseCode = "404", description = "The catalog has no such dataset",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response get(@Parameter(description = "Dataset name", example = "rees46") @RestPath String dataset)
            throws Exception {
        DailyQuery.checkDataset(dataset);
        CatalogFacts facts = repository.facts(dataset, DatasetCatalog.MAX_INGESTIONS);
        if (!facts.known()) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                    .entity(new ErrorBody(404, "dataset", "dataset '" + dataset + "' is not in the catalog: no split of"
                            + " it was built into gold"))
                    .build();
        }
        return Response.ok(catalog.entry(facts)).build();
    }
}
