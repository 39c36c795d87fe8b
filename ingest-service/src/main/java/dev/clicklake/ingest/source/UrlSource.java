package dev.clicklake.ingest.source;

import dev.clicklake.ingest.config.IngestConfig;
import dev.clicklake.ingest.landing.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Opens an HTTP(S) source as a stream. Redirects are followed by hand so that every hop must name an
 * allowed host; URLs are logged and stored without credentials or query strings.
 */
@ApplicationScoped
public class UrlSource {

    private static final int MAX_REDIRECTS = 5;

    /** An open source: its body, its size when the server says it, and a name for the bronze file. */
    public record Opened(InputStream body, Long length, String fileName, String displayUri) {
    }

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

    public Opened open(String url) throws InvalidRequestException, IOException {
        URI uri = parse(url);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            requireAllowed(uri);
            HttpResponse<InputStream> response;
            try {
                response = client().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while connecting to " + display(uri), e);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("location").isPresent()) {
                response.body().close();
                uri = uri.resolve(response.headers().firstValue("location").get());
                continue;
            }
            if (status != 200) {
                response.body().close();
                throw new IOException(display(uri) + " answered HTTP " + status);
            }
            Long length = response.headers().firstValueAsLong("content-length").stream().boxed().findFirst().orElse(null);
            return new Opened(response.body(), length, fileName(uri), display(uri));
        }
        throw new IOException("more than " + MAX_REDIRECTS + " redirects from " + display(parse(url)));
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
    }

    private static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "source.csv" : last;
    }
}
