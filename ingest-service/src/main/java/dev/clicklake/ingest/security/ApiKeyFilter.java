package dev.clicklake.ingest.security;

import dev.clicklake.ingest.config.IngestConfig;
import dev.clicklake.ingest.rest.ErrorBody;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, with a JSON error, every request that does not present a valid API key: writes, and reads of the
 * ledger too (it names every source, its location and its content's checksum). CORS pre-flights
 * ({@code OPTIONS}) carry no credentials and pass.
 */
@ApplicationScoped
public class ApiKeyFilter {

    private static final Set<String> OPEN = Set.of(HttpMethod.OPTIONS);

    @Inject
    IngestConfig config;

    private ApiKeyCheck check;

    @PostConstruct
    void readKeys() {
        check = new ApiKeyCheck(config.apiKeys().orElse(List.of()), config.allowAnonymous());
    }

    @ServerRequestFilter
    public Optional<Response> requireApiKey(ContainerRequestContext request) {
        if (OPEN.contains(request.getMethod())) {
            return Optional.empty();
        }
        return check.check(request.getHeaderString(ApiKeyCheck.HEADER)).map(refusal -> Response.status(refusal.status())
                .header("WWW-Authenticate", "ApiKey header=\"" + ApiKeyCheck.HEADER + "\"")
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(refusal.error(), ApiKeyCheck.HEADER))
                .build());
    }
}
