package dev.clicklake.kpi.odata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** An OData v4 JSON error answered before Olingo sees the request: {@code {"error":{"code","message"}}}. */
final class ODataErrorResponse {

    private static final JsonFactory JSON = new JsonFactory();

    private ODataErrorResponse() {
    }

    static Response of(int status, String code, String message) {
        StringWriter body = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(body)) {
            json.writeStartObject();
            json.writeObjectFieldStart("error");
            json.writeStringField("code", code);
            json.writeStringField("message", message);
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).header("OData-Version", "4.0")
                .entity(body.toString()).build();
    }
}
