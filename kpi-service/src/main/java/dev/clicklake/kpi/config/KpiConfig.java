package dev.clicklake.kpi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** kpi-service's own settings: {@code clicklake.kpi.*}. The lake itself is configured by {@code clicklake.lake.*}. */
@ConfigMapping(prefix = "clicklake.kpi")
public interface KpiConfig {

    /** Local folder where the silver files of a day being rebuilt are copied for DuckDB; each rebuild uses (and deletes) its own sub-folder. */
    @WithDefault("${java.io.tmpdir}/clicklake-kpi")
    Path workDir();

    /** Longest a day's rebuild (lock, list, download, aggregate, replace) may keep its database transaction open. */
    @WithDefault("10m")
    Duration dayRebuildTimeout();

    Retry retry();

    DuckDb duckdb();

    Backfill backfill();

    Snapshot snapshot();

    /** Parquet snapshots of the gold tables in the gold container, after every rebuild. */
    interface Snapshot {
        /** Whether to write them. */
        @WithDefault("true")
        boolean enabled();
    }

    /** Rebuilds, at startup, the days built before gold v3 (their v3 columns are null), then their grains. */
    interface Backfill {
        /** Whether to look for such days at startup (in the background: the service serves meanwhile). */
        @WithDefault("true")
        boolean enabled();

        /** Most days rebuilt per start, oldest first; the rest wait for the next start (logged). */
        @WithDefault("400")
        int maxDays();
    }

    /** How infrastructure faults (lake, database, broker) are retried: capped exponential backoff, forever. */
    interface Retry {
        /** Wait before the second attempt; doubles after each failure. */
        @WithDefault("1s")
        Duration first();

        /** Longest wait between two attempts. */
        @WithDefault("1m")
        Duration max();
    }

    /** The embedded DuckDB that aggregates a day of silver. */
    interface DuckDb {
        /** Worker threads DuckDB may use for one aggregation. */
        @WithDefault("2")
        int threads();

        /** DuckDB's memory limit (e.g. {@code 1GB}); it spills to the work folder beyond it. */
        @WithDefault("1GB")
        String memoryLimit();
    }
}
