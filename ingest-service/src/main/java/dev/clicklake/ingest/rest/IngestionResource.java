package dev.clicklake.ingest.rest;

import dev.clicklake.ingest.landing.IngestionRequest;
import dev.clicklake.ingest.landing.InvalidRequestException;
import dev.clicklake.ingest.ledger.Ingestion;
import dev.clicklake.ingest.ledger.IngestionLedger;
import dev.clicklake.ingest.ledger.IngestionStatus;
import dev.clicklake.ingest.ledger.SourceKind;
import dev.clicklake.ingest.pipeline.LandingService;
import dev.clicklake.ingest.source.UrlSource;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Starts ingestions (upload or URL) and shows the ledger. */
@Path("/ingestions")
@Produces(MediaType.APPLICATION_JSON)
public class IngestionResource {

    @Inject
    LandingService landing;

    @Inject
    IngestionLedger ledger;

    @Inject
    UrlSource urls;

    @Context
    UriInfo uriInfo;

    @POST
    @Blocking
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(summary = "Ingest an uploaded CSV file (the request body), streamed unchanged into bronze")
    public Response upload(
            @Parameter(description = "dataset the file belongs to") @QueryParam("dataset") String dataset,
            @Parameter(description = "original file name") @QueryParam("fileName") String fileName,
            @Parameter(description = "column order of a header-less file, comma-separated") @QueryParam("columns") String columns,
            @HeaderParam("Content-Length") Long contentLength,
            InputStream body) {
        IngestionRequest request;
        try {
            request = IngestionRequest.of(dataset, SourceKind.UPLOAD, fileName, null, columns);
        } catch (InvalidRequestException e) {
            return badRequest(e);
        }
        return respond(landing.land(request, body, contentLength));
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest a CSV file fetched from an allowed HTTP(S) URL, streamed unchanged into bronze")
    public Response fromUrl(UrlIngestionRequest body) {
        if (body == null) {
            return Response.status(400).entity(new ErrorBody("a JSON body with dataset and url is required", null)).build();
        }
        try {
            UrlSource.Opened opened = urls.open(body.url());
            IngestionRequest request = IngestionRequest.of(body.dataset(), SourceKind.URL, opened.fileName(),
                    opened.displayUri(), body.columns());
            try (InputStream source = opened.body()) {
                return respond(landing.land(request, source, opened.length()));
            }
        } catch (InvalidRequestException e) {
            return badRequest(e);
        } catch (IOException e) {
            return Response.status(502).entity(new ErrorBody("the source could not be read: " + e.getMessage(), "url")).build();
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One ingestion: source, bronze object, progress and journey to gold")
    public Response get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(new ErrorBody("not an ingestion id: " + id, "id")).build();
        }
        Ingestion ingestion = Ingestion.findById(uuid);
        if (ingestion == null) {
            return Response.status(404).entity(new ErrorBody("no ingestion " + id, "id")).build();
        }
        return Response.ok(IngestionView.of(ingestion, ledger.splits(uuid))).build();
    }

    @GET
    @Operation(summary = "Ingestions, newest first, optionally of one dataset and/or status")
    public Response list(@QueryParam("dataset") String dataset, @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            return Response.status(400).entity(new ErrorBody("limit must be 1..1000", "limit")).build();
        }
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (dataset != null) {
            values.add(dataset);
            where.add("dataset = ?" + values.size());
        }
        if (status != null) {
            try {
                values.add(IngestionStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                return Response.status(400).entity(new ErrorBody("unknown status " + status, "status")).build();
            }
            where.add("status = ?" + values.size());
        }
        var query = where.isEmpty() ? Ingestion.<Ingestion>findAll(Sort.descending("createdAt"))
                : Ingestion.<Ingestion>find(String.join(" and ", where), Sort.descending("createdAt"), values.toArray());
        List<Ingestion> found = query.page(Page.ofSize(limit)).list();
        return Response.ok(found.stream().map(i -> IngestionView.of(i, ledger.splits(i.id))).toList()).build();
    }

    private Response respond(LandingService.Outcome outcome) {
        Ingestion ingestion = outcome.ingestion();
        IngestionView view = IngestionView.of(ingestion, ledger.splits(ingestion.id));
        if (ingestion.status == IngestionStatus.REJECTED) {
            return Response.status(422).entity(view).build();
        }
        if (ingestion.status == IngestionStatus.FAILED) {
            return Response.status(502).entity(view).build();
        }
        var location = uriInfo.getBaseUriBuilder().path("ingestions").path(ingestion.id.toString()).build();
        return (outcome.alreadyIngested() ? Response.ok(view) : Response.created(location).entity(view))
                .location(location).build();
    }

    private static Response badRequest(InvalidRequestException e) {
        return Response.status(400).entity(new ErrorBody(e.getMessage(), e.field())).build();
    }
}
