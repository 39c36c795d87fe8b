package dev.clicklake.enrich.parquet;

import java.util.regex.Pattern;

/**
 * How much of the machine one split's DuckDB may use.
 *
 * @param threads worker threads
 * @param memoryLimit DuckDB memory limit, e.g. {@code 512MB} or {@code 1GiB}; beyond it DuckDB spills to disk
 */
public record DuckDbSettings(int threads, String memoryLimit) {

    private static final Pattern SIZE = Pattern.compile("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    public DuckDbSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        if (!SIZE.matcher(memoryLimit).matches()) {
            throw new IllegalArgumentException("memory limit must look like 512MB or 1GiB: " + memoryLimit);
        }
    }
}
