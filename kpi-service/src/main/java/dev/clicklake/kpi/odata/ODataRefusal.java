package dev.clicklake.kpi.odata;

import java.util.Locale;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;

/** The errors the feed answers itself, each with an OData error code a client can act on. */
final class ODataRefusal {

    private ODataRefusal() {
    }

    /** 501: a valid request the feed does not implement (an option, operator or function). */
    static ODataApplicationException notImplemented(String code, String message) {
        return new ODataApplicationException(message, HttpStatusCode.NOT_IMPLEMENTED.getStatusCode(), Locale.ROOT, code);
    }

    /** 400: a request the feed cannot read. */
    static ODataApplicationException badRequest(String code, String message) {
        return new ODataApplicationException(message, HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT, code);
    }
}
