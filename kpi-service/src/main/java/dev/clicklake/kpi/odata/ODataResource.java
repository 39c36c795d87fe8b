package dev.clicklake.kpi.odata;

import dev.clicklake.kpi.config.KpiConfig;
import dev.clicklake.kpi.gold.RangePairs;
import dev.clicklake.kpi.store.GoldReader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpMethod;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHandler;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The OData v4 feed at {@code /odata}: hands each request to Olingo's raw handler (no servlet) and copies its answer
 * back. The api-key query parameter was removed by the reader filter, so no link or message can repeat it; a query
 * option too long or too deeply nested ({@link ExpressionLimits}) is refused before Olingo parses it, and links
 * start with the {@link ServiceRoot}, never with a Host the configuration does not allow. {@code /odata} and
 * {@code /odata/} both answer the service document (no redirect, which would lose the query string).
 */
@Path("/odata")
@Tag(name = "OData", description = "Gold as an OData v4 feed (Power BI: Get data, OData feed)")
public class ODataResource {

    private static final String METADATA = "/$metadata";

    private final GoldReader reader;
    private final RangePairs rangePairs;
    private final KpiConfig config;
    private final ServiceMetadata metadata;
    private final ExpressionLimits expressions;

    ODataResource(GoldReader reader, RangePairs rangePairs, KpiConfig config) {
        this.reader = reader;
        this.rangePairs = rangePairs;
        this.config = config;
        this.expressions = new ExpressionLimits(config.odata().maxExpressionLength(), config.odata().maxExpressionDepth());
        this.metadata = OData.newInstance().createServiceMetadata(new GoldEdmProvider(), List.of());
    }

    @GET
    @Operation(summary = "OData service document")
    public Response root(@Context UriInfo uri, @Context HttpHeaders headers) {
        return handle(uri, headers);
    }

    @GET
    @Path("{path: .*}")
    @Operation(summary = "OData resources: $metadata, entity sets, /$count")
    public Response resource(@Context UriInfo uri, @Context HttpHeaders headers) {
        return handle(uri, headers);
    }

    private Response handle(UriInfo uri, HttpHeaders headers) {
        String query = QueryOptions.formSpaces(uri.getRequestUri().getRawQuery());
        Optional<String> tooComplex = expressions.refusal(query);
        if (tooComplex.isPresent()) {
            return ODataErrorResponse.of(400, "InvalidQueryOption", tooComplex.get());
        }
        OData odata = OData.newInstance();
        ODataHandler handler = odata.createRawHandler(metadata);
        handler.register(new GoldCollectionProcessor(reader, new RangePairsCollection(reader, rangePairs),
                config.odata().pageSize()));
        handler.register(new GoldServiceDocumentProcessor());
        handler.register(new GoldErrorProcessor());
        ODataResponse answer;
        try {
            answer = handler.process(request(uri, headers, query));
        } catch (StackOverflowError e) {
            // a backstop below the depth limit: parsing and translating an option are the only recursions
            return ODataErrorResponse.of(400, "InvalidQueryOption", "a query option is nested too deeply to be read");
        }

        Response.ResponseBuilder response = Response.status(answer.getStatusCode());
        answer.getAllHeaders().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        return response.entity(answer.getContent()).build();
    }

    private ODataRequest request(UriInfo uri, HttpHeaders headers, String rawQuery) {
        String base = ServiceRoot.of(config.odata().publicBaseUrl(), config.odata().allowedHosts(), uri.getBaseUri());
        String rawPath = uri.getRequestUri().getRawPath();
        // "/odata" is the service document as "/odata/" is: Olingo would answer 307 to a Location without the
        // query string, whose api_key the follow-up then lacks
        String odataPath = rawPath.substring(rawPath.indexOf("/odata") + "/odata".length());
        odataPath = odataPath.isEmpty() ? "/" : odataPath;
        String query = rawQuery == null || rawQuery.isEmpty() ? null : rawQuery;

        ODataRequest request = new ODataRequest();
        request.setMethod(HttpMethod.GET);
        request.setProtocol("HTTP/1.1");
        headers.getRequestHeaders().forEach(request::addHeader);
        if (uri.getPath().endsWith("/odata" + METADATA)) {
            // CSDL XML whatever the client accepts (Power Query also lists JSON first)
            request.setHeader(HttpHeader.ACCEPT, "application/xml");
        }
        request.setRawBaseUri(base);
        request.setRawODataPath(odataPath);
        request.setRawQueryPath(query);
        request.setRawRequestUri(base + odataPath + (query == null ? "" : "?" + query));
        return request;
    }
}
