package dev.clicklake.enrich.config;

import dev.clicklake.enrich.parquet.DuckDbSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** enrich-service's own settings: {@code clicklake.enrich.*}. The lake's are {@code clicklake.lake.*}. */
@ConfigMapping(prefix = "clicklake.enrich")
public interface EnrichConfig {

    /**
     * Local folder for a split's temporary files (DuckDB spill files, Parquet and quarantine files before
     * upload); each split works in its own sub-folder, deleted when the split ends.
     */
    @WithDefault("${java.io.tmpdir}/clicklake-enrich")
    Path workDir();

    /** Longest CSV record, in characters, read whole; a longer one is quarantined as {@code row.too_long}. */
    @WithDefault("8192")
    int maxRecordChars();

    /**
     * Most distinct event dates one split may hold; a split with more is dead-lettered before it claims or writes
     * anything (its silver-ready, one file per date, would outgrow the broker's record size limit).
     */
    @WithDefault("2000")
    int maxDatesPerSplit();

    DuckDb duckdb();

    Retry retry();

    Claims claims();

    interface DuckDb {
        /** DuckDB worker threads per split (sorting, dedupe, Parquet encoding). */
        @WithDefault("1")
        int threads();

        /** DuckDB memory limit per split, e.g. {@code 512MB}; beyond it DuckDB spills to the work dir. */
        @WithDefault("512MB")
        String memoryLimit();

        default DuckDbSettings settings() {
            return new DuckDbSettings(threads(), memoryLimit());
        }
    }

    interface Claims {
        /**
         * The split that creates claim version v of an event date, v a multiple of this, writes compaction v
         * (claims 1..v in one object), so that a later split opens at most about this many claim objects of
         * the date, however many claims it has.
         */
        @WithDefault("64")
        int compactEvery();
    }

    interface Retry {
        /** Wait before the first retry of a split after an infrastructure fault (lake, broker, disk). */
        @WithDefault("1s")
        Duration firstDelay();

        /** Longest wait between retries; the wait doubles up to it. */
        @WithDefault("1m")
        Duration maxDelay();

        /**
         * Attempts at a split whose failure is deterministic (a contract violation, a record too large, a bug)
         * before it is dead-lettered with the reason; infrastructure faults are retried without a bound.
         */
        @WithDefault("3")
        int deterministicAttempts();
    }
}
