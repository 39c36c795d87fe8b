package dev.clicklake.kpi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** kpi-service's own settings: {@code clicklake.kpi.*}. The lake itself is configured by {@code clicklake.lake.*}. */
@ConfigMapping(prefix = "clicklake.kpi")
public interface KpiConfig {

    /** Local folder where the silver files of a day being rebuilt are copied for DuckDB; each rebuild uses (and deletes) its own sub-folder. */
    @WithDefault("${java.io.tmpdir}/clicklake-kpi")
    Path workDir();

    /**
     * Longest a day's rebuild (lock, list, download, aggregate, replace) may keep its database transaction open;
     * a build of n days and their grains (one transaction) gets n + 1 times this.
     */
    @WithDefault("10m")
    Duration dayRebuildTimeout();

    /**
     * Days of one build read from silver at once (downloaded, scanned, their sessions numbered) while the previous
     * day is written to PostgreSQL; each holds one day's events in the build's DuckDB database (its memory limit
     * is shared: beyond it DuckDB spills).
     */
    @WithDefault("2")
    int dayReaders();

    Retry retry();

    DuckDb duckdb();

    Auth auth();
    OData odata();

    Backfill backfill();

    Snapshot snapshot();

    RangeCache rangeCache();

    RangePairs rangePairs();

    Limits limits();

    Dashboard dashboard();

    /** How the dashboard ({@code /dashboard/}) shows figures; the page reads it from {@code GET /kpi/display}. */
    interface Dashboard {
        /**
         * ISO 4217 code of the currency the silver prices are in (REES46: US dollars), shown with revenue and
         * prices; an unknown code stops the service at startup.
         */
        @WithDefault("USD")
        String currency();
    }

    /** The bounds of what one request may ask for; a request beyond them is a 400 naming the parameter. */
    interface Limits {
        /** The first day a {@code from} or {@code to} may name (JSON API and export). */
        @WithDefault("1970-01-01")
        LocalDate earliestDay();

        /** The last day a {@code from} or {@code to} may name (JSON API and export). */
        @WithDefault("9999-12-31")
        LocalDate latestDay();

        /** The most days a range [from, to) of {@code /kpi/*} may hold (3660: ten years, 121 months). */
        @WithDefault("3660")
        int maxRangeDays();
    }

    /** The feed of every (first day, last day) pair of a dataset's days with its exact figures. */
    interface RangePairs {
        /** Most days one request may span: pairs grow with days x (days + 1) / 2 (400 days: 80,200 pairs). */
        @WithDefault("400")
        int maxDays();
    }

    /**
     * Range figures held in memory per dataset ({@code RangeFigures}), dropped when PostgreSQL announces that the
     * dataset's gold changed. Memory per dataset: about 88 bytes x days x days / 2 at most.
     */
    interface RangeCache {
        /** Whether to hold them; off, every range is one SQL statement. */
        @WithDefault("true")
        boolean enabled();

        /** Datasets spanning more days are read with SQL (732 days: at most about 24 MB for one dataset). */
        @WithDefault("732")
        int maxDays();

        /** Most datasets held at once; the longest-held is dropped first. */
        @WithDefault("4")
        int maxDatasets();
    }

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

    /**
     * How infrastructure faults (lake, database, broker) are retried: capped exponential backoff, as long as they
     * last; and how often a silver-ready that fails the same way each time is tried before it is dead-lettered.
     */
    interface Retry {
        /** Attempts of a silver-ready whose silver is missing or unreadable before it is dead-lettered with the reason. */
        @WithDefault("5")
        int deterministicAttempts();

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

    /**
     * Who may read gold (every REST endpoint; {@code /q/*} stays open). Secrets come from the environment
     * ({@code CLICKLAKE_KPI_AUTH_API_KEYS}, {@code CLICKLAKE_KPI_AUTH_BASIC_CREDENTIALS}, comma-separated) or a
     * mounted secret, never from a committed file.
     */
    interface Auth {
        /** API keys, accepted in the {@code X-API-Key} header or the {@link #apiKeyParameter()} query parameter. */
        Optional<List<String>> apiKeys();

        /**
         * The query parameter that may carry an API key: Power BI's "Web API" credential of the Web connector
         * sends its key as a query parameter of this name.
         */
        @WithDefault("api_key")
        String apiKeyParameter();

        /** {@code user:password} pairs accepted over HTTP Basic (Power BI's "Basic" credential). */
        Optional<List<String>> basicCredentials();

        /** Let requests without any credential read gold (local experiments only). */
        @WithDefault("false")
        boolean allowAnonymous();

        /** The realm named in the {@code WWW-Authenticate} challenges. */
        @WithDefault("clicklake")
        String realm();
    }

    /** The OData feed under {@code /odata}. */
    interface OData {
        /** Most entities in one response; a longer result ends with an {@code @odata.nextLink}. */
        @WithDefault("5000")
        int pageSize();

        /**
         * The public address of the service (e.g. {@code https://kpi.example.com}, no trailing {@code /odata}) as clients
         * behind an ingress see it; {@code @odata.context} and {@code @odata.nextLink} start with it. Unset: taken from
         * a request whose Host is one of {@link #allowedHosts()}, else the links are relative ({@code /odata/...}).
         */
        Optional<URI> publicBaseUrl();

        /** Host names (or IP addresses) a request's Host header may name to be repeated in the feed's links. */
        @WithDefault("localhost,127.0.0.1,::1")
        List<String> allowedHosts();

        /** Most characters in one decoded query option ({@code $filter}, {@code $orderby}, ...); longer is a 400. */
        @WithDefault("2048")
        int maxExpressionLength();

        /** Most nested parentheses in one query option; deeper is a 400 (Olingo's parser recurses per level). */
        @WithDefault("32")
        int maxExpressionDepth();
    }
}
