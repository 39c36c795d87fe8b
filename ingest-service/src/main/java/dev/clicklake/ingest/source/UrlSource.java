package dev.clicklake.ingest.source;

import dev.clicklake.ingest.config.IngestConfig;
import dev.clicklake.ingest.landing.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Opens an HTTP(S) source as a stream. Redirects are followed by hand so that every hop must name an
 * allowed host that resolves to public addresses only (unless private ones are allowed by config); URLs
 * are logged and stored without credentials or query strings.
 */
@ApplicationScoped
public class UrlSource {

    private static final int MAX_REDIRECTS = 5;

    @Inject
    IngestConfig config;

    private HttpClient client;

    HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(config.url().connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }

    /** Checks a URL as far as it can be checked without fetching it: form, host allow-list, addresses. */
    public URI check(String url) throws InvalidRequestException {
        URI uri = parse(url);
        requireAllowed(uri);
        return uri;
    }

    /**
     * Fetches a checked URL, following redirects to allowed hosts only. A connect error or an HTTP 5xx is
     * tried again with backoff; the body resumes with {@code Range} after a drop midway when the server
     * answers ranged requests (206 + {@code Content-Range}), and fails otherwise.
     */
    public OpenedSource open(URI start) throws InvalidRequestException, IOException {
        Duration backoff = config.url().retryBackoff();
        for (int attempt = 0; ; attempt++) {
            try {
                return openOnce(start);
            } catch (RetryableException e) {
                if (attempt >= config.url().retries()) {
                    throw new IOException(e.getMessage() + " (after " + (attempt + 1) + " attempts)", e);
                }
                pause(backoff.multipliedBy(1L << attempt));
            }
        }
    }

    private OpenedSource openOnce(URI start) throws InvalidRequestException, IOException {
        URI uri = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            requireAllowed(uri);
            HttpResponse<InputStream> response = send(HttpRequest.newBuilder(uri).GET().build(), uri);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("location").isPresent()) {
                response.body().close();
                uri = uri.resolve(response.headers().firstValue("location").get());
                continue;
            }
            if (status != 200) {
                response.body().close();
                String problem = display(uri) + " answered HTTP " + status;
                throw status >= 500 ? new RetryableException(problem) : new IOException(problem);
            }
            Long length = response.headers().firstValueAsLong("content-length").stream().boxed().findFirst().orElse(null);
            URI found = uri;
            InputStream body = new ResumingInputStream(response.body(), length, offset -> resumeAt(found, offset),
                    config.url().retries(), config.url().retryBackoff());
            return new OpenedSource(body, length, fileName(uri), display(uri));
        }
        throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + display(start));
    }

    private InputStream resumeAt(URI uri, long offset) throws IOException {
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(uri).header("Range", "bytes=" + offset + "-")
                .GET().build(), uri);
        String range = response.headers().firstValue("content-range").orElse("");
        if (response.statusCode() == 206 && range.startsWith("bytes " + offset + "-")) {
            return response.body();
        }
        response.body().close();
        if (response.statusCode() >= 500) {
            throw new IOException(display(uri) + " answered HTTP " + response.statusCode() + " when resuming");
        }
        throw new ResumingInputStream.NotResumableException(display(uri) + " dropped the connection after " + offset
                + " bytes and does not serve byte ranges (HTTP " + response.statusCode() + "), so it cannot resume");
    }

    private HttpResponse<InputStream> send(HttpRequest request, URI uri) throws IOException {
        try {
            return client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + display(uri), e);
        } catch (IOException e) {
            throw new RetryableException(display(uri) + " could not be reached: " + e);
        }
    }

    private static void pause(Duration pause) throws IOException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to try again", e);
        }
    }

    /** A failure worth trying again: the source could not be reached, or answered with a server error. */
    private static final class RetryableException extends IOException {
        RetryableException(String problem) {
            super(problem);
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

    private void requireAllowed(URI uri) throws InvalidRequestException {
        List<String> allowed = config.url().allowedHosts().orElse(List.of());
        if (!allowed.contains(uri.getHost())) {
            throw new InvalidRequestException("url", "names host " + uri.getHost()
                    + ", which is not in clicklake.ingest.url.allowed-hosts");
        }
        if (config.url().allowPrivateAddresses()) {
            return;
        }
        List<InetAddress> addresses;
        try {
            addresses = List.of(InetAddress.getAllByName(uri.getHost()));
        } catch (UnknownHostException e) {
            throw new InvalidRequestException("url", "names host " + uri.getHost() + ", which does not resolve");
        }
        Optional<String> refusal = AddressPolicy.refusal(uri.getHost(), addresses);
        if (refusal.isPresent()) {
            throw new InvalidRequestException("url", refusal.get());
        }
    }

    public static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "source.csv" : last;
    }
}
