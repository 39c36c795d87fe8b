package dev.clicklake.kpi.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;

/** Test-only endpoints that fail with a server fault, before and while answering, as a bug or an outage would. */
@Path("/test-failure")
public class FailingResource {

    /** Fails before answering. */
    @GET
    @Path("/before")
    public String before() {
        throw new IllegalStateException("a bug in the handler");
    }

    /** Fails with an {@link Error}, not an exception. */
    @GET
    @Path("/error")
    public String error() {
        throw new StackOverflowError();
    }

    /** Fails after the first bytes of a streamed answer, as an export whose database goes away. */
    @GET
    @Path("/streaming")
    @Produces("text/csv")
    public Response streaming() {
        StreamingOutput body = out -> {
            out.write("a,b\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            throw new java.io.IOException("the database went away");
        };
        return Response.ok(body).build();
    }
}
