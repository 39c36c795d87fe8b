package dev.clicklake.ingest.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;

/**
 * The body of one HTTP response. A read that waits longer than the read timeout fails saying so; closing
 * it drops the connection at once instead of reading the rest of a possibly huge body.
 */
final class HttpBody extends FilterInputStream {

    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;
    private final Duration readTimeout;

    HttpBody(HttpUriRequestBase request, ClassicHttpResponse response, Duration readTimeout) throws IOException {
        super(response.getEntity() == null ? InputStream.nullInputStream() : response.getEntity().getContent());
        this.request = request;
        this.response = response;
        this.readTimeout = readTimeout;
    }

    ClassicHttpResponse response() {
        return response;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (SocketTimeoutException e) {
            throw timedOut(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (SocketTimeoutException e) {
            throw timedOut(e);
        }
    }

    @Override
    public void close() {
        request.cancel();
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }

    private SocketTimeoutException timedOut(SocketTimeoutException cause) {
        SocketTimeoutException e = new SocketTimeoutException("timed out: no data for " + readTimeout
                + " (clicklake.ingest.url.read-timeout)");
        e.initCause(cause);
        return e;
    }
}
