package dev.clicklake.kpi.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers what no other mapper claims (a bug, a database fault, an {@link Error}) with a 500 {@link ErrorBody} that
 * says no more than an error id, and logs it under that id with the request's path only: never its query string,
 * which may carry an API key ({@code api_key}) that Quarkus's default handler would log with the URI.
 */
public class UnexpectedErrorMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);

    @ServerExceptionMapper
    public Response map(Throwable e, UriInfo uri) {
        if (e instanceof WebApplicationException answered) {
            return answered.getResponse();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "request to %s failed, error id %s", uri.getPath(), id);
        return Response.status(Response.Status.INTERNAL_SERVER_ERROR)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode(), null,
                        "the service could not answer (error id " + id + "); try again later"))
                .build();
    }
}
