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

    /**
     * How far the receiving (and checking) of a file may run ahead of its write to the lake, in bytes per
     * ingestion, on a thread of its own, so that the two overlap instead of taking turns. Memory per
     * ingestion: this plus 512 KiB. Off (0) by default: on the 2-core benchmark machine it made Azurite
     * landings slower (README, Measured); worth trying where the lake's latency, not the CPU, is the limit.
     */
    @WithDefault("0")
    MemorySize readAhead();

    /** Largest source accepted, in bytes after decompression; a larger one is rejected and nothing lands. */
    @WithDefault("64G")
    MemorySize maxBytes();

    /**
     * API keys that may call the endpoints, ledger reads included (header {@code X-API-Key}); from the environment
     * ({@code CLICKLAKE_INGEST_API_KEYS}, comma-separated) or a mounted secret, never from a committed file.
     */
    Optional<List<String>> apiKeys();

    /** With no API key configured, let anyone call the endpoints (local experiments only). */
    @WithDefault("false")
    boolean allowAnonymous();

    /**
     * Folders whose files may be ingested by path ({@code {"path": ...}}); a path must resolve, symbolic links
     * followed, to a regular file inside one of them. Empty: path sources are refused.
     */
    Optional<List<String>> importDirs();

    /** How many URL and import-directory sources are received at the same time; the rest wait their turn. */
    @WithDefault("2")
    int workers();

    /**
     * How long a replica's claim on a RECEIVING ingestion lasts without renewal. A replica renews the leases
     * of everything it receives every {@link #leaseRenewEvery()}; an ingestion whose lease has run out (its
     * receiver crashed or was cut off) is FAILED ("receiver lost") by any replica, at start-up and then at
     * every renewal round.
     */
    @WithDefault("PT10M")
    Duration receivingLease();

    /** How often a replica renews the leases of the ingestions it is receiving (heartbeat); well under the lease. */
    @WithDefault("PT1M")
    Duration leaseRenewEvery();

    Url url();

    Archive archive();

    Upload upload();

    Announce announce();

    /** Limits on what may come out of a gzip or zip source (decompression bombs, archives of countless entries). */
    interface Archive {
        /** Most entries (of any kind) a zip archive may hold; more and the archive is rejected. */
        @WithDefault("10000")
        int maxEntries();

        /** Most bytes all the files of one archive may decompress to, together; more and the rest is rejected. */
        @WithDefault("256G")
        MemorySize maxTotalBytes();

        /** Largest ratio of decompressed to compressed bytes of one file once past {@link #ratioGrace()}. */
        @WithDefault("100")
        int maxRatio();

        /** Decompressed bytes of one file before the ratio is checked (small files compress very well). */
        @WithDefault("8M")
        MemorySize ratioGrace();
    }

    interface Upload {
        /**
         * Longest wait for the next bytes of an upload's body; an upload that stalls longer is FAILED
         * ("upload stalled"), its connection closed and its lease freed. Sets {@code quarkus.http.read-timeout}.
         */
        @WithDefault("PT60S")
        Duration idleTimeout();
    }

    /** The re-announcer: LANDED ingestions not yet announced on bronze-landed (the outbox) are sent again. */
    interface Announce {
        /** How often the ledger is looked at for unannounced ingestions. */
        @WithDefault("PT30S")
        Duration interval();

        /** Most ingestions claimed per round. */
        @WithDefault("20")
        int batchSize();

        /**
         * How long a claim on an ingestion being announced holds: no other round or replica sends it meanwhile.
         * Longer than the Kafka producer's delivery timeout (2 minutes by default).
         */
        @WithDefault("PT5M")
        Duration claim();

        /** Wait after a first failed announcement; doubles with each further failure, up to {@link #maxBackoff()}. */
        @WithDefault("PT10S")
        Duration backoff();

        /** Longest wait between two attempts at announcing one ingestion. */
        @WithDefault("PT10M")
        Duration maxBackoff();
    }

    interface Url {
        /** Host names URL sources may name. Empty: URL sources are refused. */
        Optional<List<String>> allowedHosts();

        /**
         * Let URL sources resolve to loopback, link-local, private or unspecified addresses (tests and
         * local runs only): otherwise such a source is refused after DNS resolution, at every redirect hop.
         */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /**
         * How many times in all a URL source that fails (connect error or timeout, HTTP 5xx, connection dropped
         * or stalled midway) is tried again; a drop midway resumes with {@code Range} where the server supports
         * it, and is read again from byte 0 (the partial copy thrown away) where it does not.
         */
        @WithDefault("4")
        int retries();

        /** Wait before the first retry; it doubles with each further one. */
        @WithDefault("PT1S")
        Duration retryBackoff();

        /** Connect timeout for URL sources (each address tried). */
        @WithDefault("PT30S")
        Duration connectTimeout();

        /**
         * Read (idle) timeout for URL sources: the longest wait for the response headers or for the next
         * bytes of the body; a source that stalls longer fails like a dropped connection (and is retried).
         */
        @WithDefault("PT60S")
        Duration readTimeout();
    }
}
