package dev.clicklake.contracts.lineage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where and how a stage sends its OpenLineage run events: {@code clicklake.lineage.*}, the same keys in every service. */
@ConfigMapping(prefix = "clicklake.lineage")
public interface LineageConfig {

    /** Whether the stage emits run events at all. */
    @WithDefault("true")
    boolean enabled();

    /** {@code console} (one JSON event per log line), {@code http} (a Marquez-style endpoint) or {@code file} (JSON lines appended to a file). */
    @WithDefault("console")
    Transport transport();

    /** Namespace of the jobs (ingest, enrich, gold per dataset); datasets are named by where they live. */
    @WithDefault("clicklake")
    String namespace();

    /** The {@code producer} URI of every event; by default {@code urn:clicklake:<service>:<version>}. */
    Optional<URI> producer();

    Http http();

    File file();

    enum Transport { CONSOLE, HTTP, FILE }

    interface Http {
        /** Base URL of the lineage server, e.g. Marquez's {@code http://marquez:5000}; required with {@code transport=http}. */
        Optional<URI> url();

        /** Path the events are POSTed to, below {@link #url()}. */
        @WithDefault("/api/v1/lineage")
        String endpoint();

        /** Secret: sent as {@code Authorization: Bearer <key>}; set it through the environment (CLICKLAKE_LINEAGE_HTTP_API_KEY). */
        Optional<String> apiKey();

        /** Longest wait for the server's answer to one event; a slower or failed send is logged and counted, never retried. */
        @WithDefault("5s")
        Duration timeout();
    }

    interface File {
        /** File the events are appended to, one JSON document a line; required with {@code transport=file}. */
        Optional<String> path();
    }
}
