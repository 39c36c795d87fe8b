package dev.clicklake.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every request the resource cannot take is answered 4xx with an {@link ErrorBody} naming what was wrong:
 * a missing or unsupported Content-Type, a body that is not JSON or not the expected shape, an unknown path or
 * method. Anything else unexpected is a 500, still with a JSON body (and the cause in the log, not the answer).
 */
public class RequestErrors {

    private static final Logger LOG = Logger.getLogger(RequestErrors.class);

    static final String ACCEPTED = "text/csv, application/octet-stream, text/plain, application/gzip or application/zip "
            + "(a file), or application/json (url, path or sources)";

    /** Before a method is chosen: a POST without Content-Type cannot be told to be a file or a JSON request. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> requireContentType(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (HttpMethod.POST.equals(request.getMethod()) && (type == null || type.isBlank())) {
            return Optional.of(error(400, "Content-Type is required: " + ACCEPTED, HttpHeaders.CONTENT_TYPE));
        }
        return Optional.empty();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, HttpHeaders headers) {
        return error(415, "Content-Type " + headers.getHeaderString(HttpHeaders.CONTENT_TYPE) + " is not accepted: send "
                + ACCEPTED, HttpHeaders.CONTENT_TYPE);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return error(404, "no such resource: see /q/openapi", null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return error(405, "method not allowed here; allowed: "
                + String.join(", ", e.getResponse().getAllowedMethods()), null);
    }

    /** Overrides Quarkus' own mapper of this type, whose body names a Java class instead of the field. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : "body";
        return error(400, "the JSON body cannot be read" + (field.equals("body") ? "" : " at " + field) + ": "
                + e.getOriginalMessage(), field);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        int status = e.getResponse().getStatus();
        return error(status, e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : e.getMessage(),
                null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("request failed", e);
        return error(500, "internal error: " + e.getClass().getSimpleName() + " (see the service log)", null);
    }

    static Response error(int status, String error, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(error, field)).build();
    }
}
