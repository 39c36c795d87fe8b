package dev.clicklake.kpi.rest;

import dev.clicklake.kpi.gold.GoldNotReadyException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a {@link GoldNotReadyException} with 503, a Retry-After and a JSON {@link ErrorBody}. */
public class GoldNotReadyMapper {

    /** Seconds a client should wait before asking again. */
    static final int RETRY_AFTER_SECONDS = 30;

    @ServerExceptionMapper
    public Response map(GoldNotReadyException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(new ErrorBody(Response.Status.SERVICE_UNAVAILABLE.getStatusCode(), null, e.getMessage()))
                .build();
    }
}
