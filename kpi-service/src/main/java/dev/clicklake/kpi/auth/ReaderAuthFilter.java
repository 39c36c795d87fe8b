package dev.clicklake.kpi.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clicklake.kpi.config.KpiConfig;
import dev.clicklake.kpi.rest.ErrorBody;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets only authenticated readers reach gold: every REST endpoint of kpi-service (the JSON API, {@code /odata},
 * {@code /export}); health, metrics and OpenAPI under {@code /q} are not REST endpoints and stay open. A refusal
 * is 401 with Basic and API-key challenges (503 when no credential is configured at all); under {@code /odata}
 * its body is an OData error.
 */
@ApplicationScoped
public class ReaderAuthFilter {

    private final ReaderAccess access;
    private final String realm;
    private final MeterRegistry meters;
    private final ObjectMapper json;

    ReaderAuthFilter(KpiConfig config, MeterRegistry meters, ObjectMapper json) {
        KpiConfig.Auth auth = config.auth();
        this.access = new ReaderAccess(auth.apiKeys().orElse(List.of()), auth.basicCredentials().orElse(List.of()),
                auth.allowAnonymous(), auth.apiKeyParameter());
        this.realm = auth.realm();
        this.meters = meters;
        this.json = json;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireReader(ContainerRequestContext request) throws Exception {
        ReaderAccess.Decision decision = access.decide(new ReaderAccess.Presented(
                request.getHeaderString(ReaderAccess.KEY_HEADER),
                request.getUriInfo().getQueryParameters().getFirst(access.keyParameter()),
                request.getHeaderString(HttpHeaders.AUTHORIZATION)));
        if (decision instanceof ReaderAccess.Allowed allowed) {
            meters.counter("clicklake.kpi.reader.allowed", "how", allowed.how()).increment();
            dropKeyParameter(request);
            return Optional.empty();
        }
        ReaderAccess.Refused refused = (ReaderAccess.Refused) decision;
        meters.counter("clicklake.kpi.reader.refused", "status", Integer.toString(refused.status())).increment();
        Response.ResponseBuilder response = Response.status(refused.status())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\", charset=\"UTF-8\"")
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey realm=\"" + realm + "\", header=\""
                        + ReaderAccess.KEY_HEADER + "\", query=\"" + access.keyParameter() + "\"")
                .type(MediaType.APPLICATION_JSON);
        if (isOData(request)) {
            String body = json.writeValueAsString(Map.of("error", Map.of(
                    "code", refused.status() == 401 ? "Unauthorized" : "ServiceUnavailable",
                    "message", refused.message())));
            return Optional.of(response.header("OData-Version", "4.0").entity(body).build());
        }
        return Optional.of(response.entity(new ErrorBody(refused.status(), null, refused.message())).build());
    }

    /**
     * The key has done its work: the request goes on without its key parameter, so nothing after this filter
     * (parameter checks, OData's links and contexts, logs) ever sees it or needs to know its name.
     */
    private void dropKeyParameter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        if (uri.getQueryParameters().containsKey(access.keyParameter())) {
            request.setRequestUri(uri.getBaseUri(),
                    UriBuilder.fromUri(uri.getRequestUri()).replaceQueryParam(access.keyParameter()).build());
        }
    }

    private static boolean isOData(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.equals("/odata") || path.startsWith("/odata/");
    }
}
