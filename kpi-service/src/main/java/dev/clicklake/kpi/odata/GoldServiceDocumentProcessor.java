package dev.clicklake.kpi.odata;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.ServiceDocumentProcessor;

/** The service document, its {@code @odata.context} absolute under the service root (Olingo's default is relative). */
final class GoldServiceDocumentProcessor implements ServiceDocumentProcessor {

    private OData odata;
    private ServiceMetadata metadata;

    @Override
    public void init(OData odata, ServiceMetadata metadata) {
        this.odata = odata;
        this.metadata = metadata;
    }

    @Override
    public void readServiceDocument(ODataRequest request, ODataResponse response, org.apache.olingo.server.api.uri.UriInfo uriInfo,
                                    ContentType format) throws ODataLibraryException {
        response.setContent(odata.createSerializer(format).serviceDocument(metadata, request.getRawBaseUri()).getContent());
        response.setStatusCode(HttpStatusCode.OK.getStatusCode());
        response.setHeader(HttpHeader.CONTENT_TYPE, format.toContentTypeString());
    }
}
