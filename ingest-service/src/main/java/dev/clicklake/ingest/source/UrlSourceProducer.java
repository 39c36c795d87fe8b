package dev.clicklake.ingest.source;

import dev.clicklake.ingest.config.IngestConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;

/** The service's one {@link UrlSource}, configured from {@code clicklake.ingest.url.*}, resolving with the system DNS. */
public class UrlSourceProducer {

    @Produces
    @Singleton
    UrlSource urlSource(IngestConfig config) {
        IngestConfig.Url url = config.url();
        return new UrlSource(new UrlSource.Settings(url.allowedHosts().orElse(List.of()), url.allowPrivateAddresses(),
                url.connectTimeout(), url.readTimeout()), HostLookup.SYSTEM);
    }

    void close(@Disposes UrlSource source) throws IOException {
        source.close();
    }
}
