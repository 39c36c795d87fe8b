package dev.clicklake.kpi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBDriver;

/**
 * The baseline of {@code bench/e2e-benchmark.sh}: what the whole pipeline does, done by one plain DuckDB process on
 * one CSV file, with nothing in between (no services, no Kafka, no PostgreSQL, no lake): the CSV typed, exact
 * duplicates dropped, the category split, written as date-partitioned Parquet (zstd), then the gold figures read
 * back from that Parquet with {@link GoldBench#BASELINE}: per day, per session length, per brand / main category /
 * hour, and the whole span, with exact distinct users and sessions.
 *
 * <pre>PlainDuckDbPipeline CSV WORK_DIR THREADS MEMORY_LIMIT</pre>
 * Prints one line: {@code BASELINE silver=<s> gold=<s> total=<s> rows=<n> peak_rss=<kB>}.
 */
public final class PlainDuckDbPipeline {

    private static final String COLUMNS = "{'event_time': 'TIMESTAMP', 'event_type': 'VARCHAR', 'product_id': 'BIGINT',"
            + " 'category_id': 'BIGINT', 'category_code': 'VARCHAR', 'brand': 'VARCHAR', 'price': 'DECIMAL(12,2)',"
            + " 'user_id': 'BIGINT', 'user_session': 'VARCHAR'}";

    private PlainDuckDbPipeline() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        Path parquet = work.resolve("silver");
        Properties settings = new Properties();
        settings.setProperty("threads", args[2]);
        settings.setProperty("memory_limit", args[3]);
        settings.setProperty("temp_directory", work.resolve("spill").toString());
        long start = System.nanoTime();
        long rows;
        double silver;
        try (Connection duckdb = new DuckDBDriver().connect("jdbc:duckdb:", settings);
                Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("COPY (SELECT DISTINCT event_time::TIMESTAMPTZ AS event_time, event_type, product_id,"
                    + " category_id, category_code, nullif(split_part(category_code, '.', 1), '') AS main_category,"
                    + " brand, price, user_id, user_session, hour(event_time) AS event_hour,"
                    + " CAST(event_time AS DATE) AS event_date"
                    + " FROM read_csv('" + csv + "', header = true, columns = " + COLUMNS
                    + ", timestampformat = '%Y-%m-%d %H:%M:%S UTC')"
                    + " WHERE event_time IS NOT NULL) TO '" + parquet
                    + "' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (event_date))");
            silver = seconds(start);
            String sources = "read_parquet('" + parquet + "/**/*.parquet')";
            for (String query : GoldBench.BASELINE.subList(0, 2)) {
                drain(statement.executeQuery(query.formatted(sources)));
            }
            for (String member : List.of("brand", "main_category", "event_hour")) {
                drain(statement.executeQuery(GoldBench.BASELINE.get(2).formatted(sources, member)));
            }
            try (ResultSet whole = statement.executeQuery(GoldBench.BASELINE.get(3).formatted(sources))) {
                whole.next();
                rows = whole.getLong(1);
            }
        }
        double total = seconds(start);
        System.out.printf("BASELINE silver=%.1f gold=%.1f total=%.1f rows=%d peak_rss=%s%n", silver, total - silver,
                total, rows, peakRss());
    }

    private static void drain(ResultSet rows) throws Exception {
        try (rows) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String peakRss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM:"))
                .map(line -> line.substring(6).strip().replace(" kB", "")).findFirst().orElse("?");
    }
}
