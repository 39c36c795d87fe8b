package dev.clicklake.ingest.rest;

import dev.clicklake.ingest.landing.IngestionRequest;
import dev.clicklake.ingest.landing.InvalidRequestException;
import dev.clicklake.ingest.ledger.Ingestion;
import dev.clicklake.ingest.ledger.IngestionLedger;
import dev.clicklake.ingest.ledger.IngestionStatus;
import dev.clicklake.ingest.ledger.SourceKind;
import dev.clicklake.ingest.pipeline.LandingService;
import dev.clicklake.ingest.config.IngestConfig;
import dev.clicklake.ingest.source.ImportDirectories;
import dev.clicklake.ingest.source.SourceOpener;
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
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Starts ingestions and shows the ledger. Uploads are received during the request (their body can only
 * be read then) and answered when landed; URL and import-directory sources are answered at once (202)
 * and received by {@link dev.clicklake.ingest.pipeline.IngestionWorkers}.
 */
@Path("/ingestions")
@Produces(MediaType.APPLICATION_JSON)
public class IngestionResource {

    @Inject
    LandingService landing;

    @Inject
    IngestionLedger ledger;

    @Inject
    UrlSource urls;

    @Inject
    IngestConfig config;

    @Context
    UriInfo uriInfo;

    @POST
    @Blocking
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN, "application/gzip", "application/zip"})
    @Operation(summary = "Ingest an uploaded CSV file (the request body; plain, .gz or .zip), streamed into bronze")
    public Response upload(
            @Parameter(description = "dataset the file belongs to") @QueryParam("dataset") String dataset,
            @Parameter(description = "original file name") @QueryParam("fileName") String fileName,
            @Parameter(description = "column order of a header-less file, comma-separated") @QueryParam("columns") String columns,
            @Parameter(description = "the body's size in bytes, as the HTTP client sets it: progress is reported against it, "
                    + "and a plain file larger than clicklake.ingest.max-bytes is rejected before it is read")
            @HeaderParam("Content-Length") Long contentLength,
            InputStream body) {
        IngestionRequest request;
        try {
            request = IngestionRequest.of(dataset, SourceKind.UPLOAD, fileName, null, columns);
        } catch (InvalidRequestException e) {
            return badRequest(e);
        }
        return respond(landing.landSource(ledger.startReceiving(request), request,
                new UploadBody(body, config.upload().idleTimeout()), contentLength, false));
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start ingesting CSV files (plain, .gz or .zip) from allowed HTTP(S) URLs or import-directory "
            + "paths; answers 202 at once, the files stream into bronze in the background")
    public Response fromSources(SourcesRequest body) {
        if (body == null || body.all().isEmpty()) {
            return Response.status(400).entity(new ErrorBody("a JSON body with dataset and url, path or sources is required",
                    null)).build();
        }
        List<Planned> planned = new ArrayList<>();
        try {
            List<SourcesRequest.Source> sources = body.all();
            for (int i = 0; i < sources.size(); i++) {
                if (sources.get(i) == null) {
                    throw new InvalidRequestException("sources[" + i + "]", "must be an object with url or path, not null");
                }
                planned.add(plan(body.dataset(), sources.get(i)));
            }
        } catch (InvalidRequestException e) {
            return badRequest(e);
        }
        List<IngestionView> started = new ArrayList<>();
        for (Planned source : planned) {
            Ingestion first = ledger.startReceiving(source.request());
            landing.landLater(first, source.request(), source.opener());
            started.add(IngestionView.of(first, List.of()));
        }
        if (body.batch()) {
            return Response.accepted(started).build();
        }
        return Response.accepted(started.get(0)).location(location(started.get(0).id())).build();
    }

    /** A checked source, ready to be opened on a worker thread. */
    private record Planned(IngestionRequest request, SourceOpener opener) {
    }

    private Planned plan(String dataset, SourcesRequest.Source source) throws InvalidRequestException {
        if (source.url() == null && source.path() == null) {
            throw new InvalidRequestException("url", "or path is required: give exactly one per source");
        }
        if (source.url() != null && source.path() != null) {
            throw new InvalidRequestException("path", "and url are both given: give exactly one per source");
        }
        if (source.url() != null) {
            URI uri = urls.check(source.url());
            return new Planned(request("url", dataset, SourceKind.URL, UrlSource.fileName(uri), UrlSource.display(uri),
                    source.columns()), budget -> urls.open(uri, budget));
        }
        java.nio.file.Path file = new ImportDirectories(config.importDirs().orElse(List.of()).stream()
                .map(java.nio.file.Path::of).toList()).resolve(source.path());
        return new Planned(request("path", dataset, SourceKind.IMPORT_DIR, file.getFileName().toString(),
                "file://" + file, source.columns()), budget -> ImportDirectories.open(file));
    }

    /** The request for a source whose file name comes from {@code field} (the caller gave no fileName): named so. */
    private static IngestionRequest request(String field, String dataset, SourceKind kind, String fileName, String uri,
            String columns) throws InvalidRequestException {
        try {
            return IngestionRequest.of(dataset, kind, fileName, uri, columns);
        } catch (InvalidRequestException e) {
            if (e.field().equals("fileName")) {
                throw new InvalidRequestException(field, "names a file that cannot be taken: its name "
                        + e.getMessage().substring("fileName ".length()));
            }
            throw e;
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One ingestion: source, bronze object, progress and journey to gold")
    public Response get(
            @Parameter(description = "the ingestion's id, as the 201 or 202 answer gave it (its Location)") @PathParam("id") String id) {
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
    public Response list(@Parameter(description = "only this dataset's ingestions") @QueryParam("dataset") String dataset,
            @Parameter(description = "only ingestions in this status",
                    schema = @Schema(implementation = IngestionStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "most ingestions listed, 1..1000") @QueryParam("limit") @DefaultValue("100") String limitParam) {
        int limit;
        try {
            limit = Integer.parseInt(limitParam.strip());
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1 || limit > 1000) {
            return Response.status(400).entity(new ErrorBody("limit must be a whole number 1..1000", "limit")).build();
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

    /** One file: its ingestion's view. Several files (a zip archive): 200 and a list, one view per file. */
    private Response respond(List<LandingService.Outcome> outcomes) {
        if (outcomes.size() > 1) {
            boolean noneLanded = outcomes.stream().allMatch(o -> o.ingestion().status == IngestionStatus.REJECTED
                    || o.ingestion().status == IngestionStatus.FAILED);
            return Response.status(noneLanded ? 422 : 200).entity(outcomes.stream()
                    .map(o -> IngestionView.of(o.ingestion(), ledger.splits(o.ingestion().id))).toList()).build();
        }
        LandingService.Outcome outcome = outcomes.get(0);
        Ingestion ingestion = outcome.ingestion();
        IngestionView view = IngestionView.of(ingestion, ledger.splits(ingestion.id));
        if (ingestion.status == IngestionStatus.REJECTED) {
            return Response.status(422).entity(view).build();
        }
        if (ingestion.status == IngestionStatus.FAILED) {
            return Response.status(502).entity(view).build();
        }
        URI location = location(ingestion.id.toString());
        return (outcome.alreadyIngested() ? Response.ok(view) : Response.created(location).entity(view))
                .location(location).build();
    }

    private URI location(String id) {
        return uriInfo.getBaseUriBuilder().path("ingestions").path(id).build();
    }

    private static Response badRequest(InvalidRequestException e) {
        return Response.status(400).entity(new ErrorBody(e.getMessage(), e.field())).build();
    }
}
