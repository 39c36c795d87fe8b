package dev.clicklake.kpi.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, with a 400, a KPI or catalog request carrying a query parameter no endpoint reads (a typo must not pass silently),
 * or one parameter more than once (which of the values would be read is not the client's to guess).
 */
public class UnknownParameterFilter {

    private static final Set<String> RANGE = Set.of("dataset", "from", "to");
    private static final Map<String, Set<String>> KNOWN = Map.of(
            "/kpi/breakdown", Set.of("dataset", "from", "to", "dimension", "top", "by"),
            "/kpi/compare", Set.of("dataset", "from", "to", "against"),
            "/kpi/range-pairs", Set.of("dataset", "from", "to", "format"));

    @ServerRequestFilter
    public Optional<Response> refuseUnknownParameters(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean catalog = path.startsWith("/catalog");
        if (!path.startsWith("/kpi") && !catalog) {
            return Optional.empty();
        }
        Set<String> known = catalog ? Set.of() : KNOWN.getOrDefault(path, RANGE);
        Map<String, List<String>> parameters = request.getUriInfo().getQueryParameters();
        return parameters.keySet().stream()
                .filter(name -> !known.contains(name) || parameters.get(name).size() > 1)
                .findFirst()
                .map(name -> InvalidParameterMapper.badRequest(new InvalidParameterException(name, known.contains(name)
                        ? name + " may be given once"
                        : "unknown parameter '" + name + "'; " + path + (known.isEmpty() ? " reads none"
                                : " reads only " + String.join(", ", known.stream().sorted().toList())))));
    }
}
