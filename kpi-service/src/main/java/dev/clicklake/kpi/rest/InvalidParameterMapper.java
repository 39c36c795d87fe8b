package dev.clicklake.kpi.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers an {@link InvalidParameterException} with 400 and a JSON {@link ErrorBody}. */
public class InvalidParameterMapper {

    @ServerExceptionMapper
    public Response map(InvalidParameterException e) {
        return badRequest(e);
    }

    static Response badRequest(InvalidParameterException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(Response.Status.BAD_REQUEST.getStatusCode(), e.parameter(), e.getMessage()))
                .build();
    }
}
