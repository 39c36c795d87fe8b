package dev.clicklake.kpi.config;

import java.nio.file.Path;
import java.util.Properties;

/** The connection settings of every embedded, in-memory DuckDB kpi-service opens (aggregation, Parquet export). */
public final class EmbeddedDuckDb {

    private EmbeddedDuckDb() {
    }

    /**
     * @param threads DuckDB worker threads
     * @param memoryLimit DuckDB memory limit, e.g. {@code 1GB}
     * @param spillDir where DuckDB spills beyond its memory limit
     * @return settings for {@code new DuckDBDriver().connect("jdbc:duckdb:", settings)}; a fresh copy each call
     */
    public static Properties settings(int threads, String memoryLimit, Path spillDir) {
        Properties settings = new Properties();
        settings.setProperty("threads", Integer.toString(threads));
        settings.setProperty("memory_limit", memoryLimit);
        settings.setProperty("temp_directory", spillDir.toAbsolutePath().toString());
        // Parquet support is built in; never reach for the network to fetch an extension.
        settings.setProperty("autoinstall_known_extensions", "false");
        settings.setProperty("autoload_known_extensions", "false");
        return settings;
    }
}
