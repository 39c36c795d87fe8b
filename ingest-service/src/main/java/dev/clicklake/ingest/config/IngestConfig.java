package dev.clicklake.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** ingest-service settings: {@code clicklake.ingest.*}. */
@ConfigMapping(prefix = "clicklake.ingest")
public interface IngestConfig {

    /** A split closes at the first line end after this many bytes; splits are the unit of parallel work downstream. */
    @WithDefault("128M")
    MemorySize splitTargetSize();

    /** How often, at most, the ledger's bytes-received figure is updated while a file streams in. */
    @WithDefault("16M")
    MemorySize progressEvery();

    Url url();

    interface Url {
        /** Host names URL sources may name. Empty: URL sources are refused. */
        Optional<List<String>> allowedHosts();

        /** Connect timeout for URL sources. */
        @WithDefault("PT30S")
        Duration connectTimeout();
    }
}
