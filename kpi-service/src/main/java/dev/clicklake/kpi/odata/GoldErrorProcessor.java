package dev.clicklake.kpi.odata;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.DefaultProcessor;
import org.apache.olingo.server.api.processor.ErrorProcessor;

/**
 * Writes every error as an OData error body with a {@code code}: the feed's own errors carry theirs, errors Olingo
 * raises while parsing (unknown option, bad syntax) get one named after their status. A server fault says no more
 * than that, whatever its cause.
 */
final class GoldErrorProcessor implements ErrorProcessor {

    private final DefaultProcessor writer = new DefaultProcessor();

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        writer.init(odata, metadata);
    }

    @Override
    public void processError(ODataRequest request, ODataResponse response, ODataServerError error, ContentType format) {
        if (error.getStatusCode() >= 500 && error.getStatusCode() != HttpStatusCode.NOT_IMPLEMENTED.getStatusCode()) {
            error.setMessage("the service could not answer; try again later");
        }
        if (error.getCode() == null) {
            error.setCode(codeOf(error.getStatusCode()));
        }
        writer.processError(request, response, error, format);
    }

    private static String codeOf(int status) {
        HttpStatusCode code = HttpStatusCode.fromStatusCode(status);
        return code == null ? "Error" : code.name();
    }
}
