package dev.clicklake.ingest.source;

import dev.clicklake.ingest.landing.InvalidRequestException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.util.Timeout;

/**
 * Opens an HTTP(S) source as a stream. Redirects are followed by hand so that every hop must name an
 * allowed host; every connection goes to an address checked by {@link CheckedDnsResolver} (unless private
 * addresses are allowed by config). A connection that cannot be made within the connect timeout, or that
 * sends nothing for the read timeout, fails like a dropped one. URLs are logged and stored without
 * credentials or query strings.
 */
public class UrlSource implements Closeable {

    private static final int MAX_REDIRECTS = 5;

    /** What URL sources may reach, and how long they may take. */
    public record Settings(List<String> allowedHosts, boolean allowPrivateAddresses, Duration connectTimeout,
            Duration readTimeout) {
    }

    private final Settings settings;
    private final HostLookup lookup;
    private final CloseableHttpClient client;

    public UrlSource(Settings settings, HostLookup lookup) {
        this.settings = settings;
        this.lookup = lookup;
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedDnsResolver(lookup, settings.allowPrivateAddresses()))
                        .setDefaultConnectionConfig(connections)
                        .setMaxConnPerRoute(16)
                        .setMaxConnTotal(64)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .setUserAgent("clicklake-ingest")
                .build();
    }

    /**
     * Checks a URL as far as it can be checked without fetching it: form, host allow-list, addresses. The
     * address check here only answers early; the one that counts is made again when connecting.
     */
    public URI check(String url) throws InvalidRequestException {
        URI uri = parse(url);
        requireAllowedHost(uri);
        try {
            new CheckedDnsResolver(lookup, settings.allowPrivateAddresses()).resolve(uri.getHost());
        } catch (CheckedDnsResolver.RefusedAddressException e) {
            throw new InvalidRequestException("url", e.getMessage());
        } catch (UnknownHostException e) {
            throw new InvalidRequestException("url", "names host " + uri.getHost() + ", which does not resolve");
        }
        return uri;
    }

    /**
     * Fetches a checked URL, following redirects to allowed hosts only. A connect error, a timeout or an
     * HTTP 5xx is tried again within {@code budget}; the body resumes with {@code Range} after a drop midway
     * when the server answers ranged requests (206 + {@code Content-Range}), and otherwise throws
     * {@link SourceRestartException} so that the caller reads it again from byte 0.
     */
    public OpenedSource open(URI start, RetryBudget budget) throws InvalidRequestException, IOException {
        while (true) {
            try {
                return openOnce(start, budget);
            } catch (RetryableException e) {
                budget.spend(e);
            }
        }
    }

    private OpenedSource openOnce(URI start, RetryBudget budget) throws InvalidRequestException, IOException {
        URI uri = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            requireAllowedHost(uri);
            HttpGet get = new HttpGet(uri);
            HttpBody body = send(get, uri);
            ClassicHttpResponse response = body.response();
            int status = response.getCode();
            Header location = response.getFirstHeader("Location");
            if (status >= 300 && status < 400 && location != null) {
                body.close();
                uri = uri.resolve(location.getValue());
                continue;
            }
            if (status != 200) {
                body.close();
                String problem = display(uri) + " answered HTTP " + status;
                throw status >= 500 ? new RetryableException(problem, null) : new IOException(problem);
            }
            long announced = response.getEntity() == null ? -1 : response.getEntity().getContentLength();
            Long length = announced >= 0 ? announced : null;
            URI found = uri;
            InputStream resuming = new ResumingInputStream(body, length, offset -> resumeAt(found, offset), budget);
            return new OpenedSource(resuming, length, fileName(uri), display(uri));
        }
        throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + display(start));
    }

    private InputStream resumeAt(URI uri, long offset) throws IOException {
        HttpGet get = new HttpGet(uri);
        get.setHeader("Range", "bytes=" + offset + "-");
        HttpBody body;
        try {
            body = send(get, uri);
        } catch (InvalidRequestException e) {
            throw new CheckedDnsResolver.RefusedAddressException(e.getMessage());
        }
        ClassicHttpResponse response = body.response();
        Header range = response.getFirstHeader("Content-Range");
        if (response.getCode() == 206 && range != null && range.getValue().startsWith("bytes " + offset + "-")) {
            return body;
        }
        body.close();
        if (response.getCode() >= 500) {
            throw new IOException(display(uri) + " answered HTTP " + response.getCode() + " when resuming");
        }
        throw new SourceRestartException(display(uri) + " broke off after " + offset + " bytes and does not serve byte "
                + "ranges (HTTP " + response.getCode() + " to a Range request), so it is read again from byte 0", null);
    }

    private HttpBody send(HttpUriRequestBase request, URI uri) throws IOException, InvalidRequestException {
        try {
            return new HttpBody(request, client.executeOpen(null, request, null), settings.readTimeout());
        } catch (CheckedDnsResolver.RefusedAddressException e) {
            throw new InvalidRequestException("url", e.getMessage());
        } catch (IOException e) {
            throw new RetryableException(display(uri) + " could not be reached: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** A failure worth trying again: the source could not be reached, or answered with a server error. */
    private static final class RetryableException extends IOException {
        RetryableException(String problem, Throwable cause) {
            super(problem, cause);
        }
    }

    /** The URL without user info and query string, safe to log and store. */
    public static String display(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static URI parse(String url) throws InvalidRequestException {
        try {
            URI uri = URI.create(url == null ? "" : url.strip());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidRequestException("url", "must be an absolute http or https URL");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidRequestException("url", "must not carry credentials before the host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("url", "is not a valid URL");
        }
    }

    private void requireAllowedHost(URI uri) throws InvalidRequestException {
        if (!settings.allowedHosts().contains(uri.getHost())) {
            throw new InvalidRequestException("url", "names host " + uri.getHost()
                    + ", which is not in clicklake.ingest.url.allowed-hosts");
        }
    }

    public static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "source.csv" : last;
    }
}
