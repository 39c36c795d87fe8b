package dev.clicklake.enrich.bench;

import dev.clicklake.contracts.clickstream.ClickstreamColumns;
import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LocalLakeStorage;
import dev.clicklake.enrich.pipeline.ColumnOrder;
import dev.clicklake.enrich.pipeline.CsvRecord;
import dev.clicklake.enrich.pipeline.CsvRecordReader;
import dev.clicklake.enrich.pipeline.RowResult;
import dev.clicklake.enrich.pipeline.SilverRules;
import dev.clicklake.enrich.service.SplitEnricher;
import dev.clicklake.enrich.testing.BronzeSplits;
import dev.clicklake.enrich.testing.LocalEnricher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;

/**
 * Times bronze CSV to committed silver Parquet on a local-folder lake, and the same file through plain DuckDB
 * ({@code read_csv}, DISTINCT, {@code COPY ... PARTITION_BY}) as the baseline. Not a test: run by
 * {@code enrich-service/bench/silver-benchmark.sh}, one mode per JVM so that each peak RSS is its own.
 *
 * <pre>
 * SilverBenchmark enrich FILE SPLIT_BYTES REPLICAS DUCKDB_THREADS MEMORY_LIMIT [WARMUP_ROWS]
 * SilverBenchmark duckdb FILE DUCKDB_THREADS MEMORY_LIMIT
 * SilverBenchmark rules FILE          (the CSV reader and the silver rules alone, one thread, no output)
 * </pre>
 *
 * <p>With {@code WARMUP_ROWS}, the enrichers first process, untimed, a file of the first that many rows (a dataset
 * of its own, so no claim is shared), as a service that has been running a while would have: the timed run then
 * measures compiled code rather than the JIT compiling it. Without it, the run starts cold.
 */
public final class SilverBenchmark {

    private static final String COLUMNS = "{'event_time': 'TIMESTAMP', 'event_type': 'VARCHAR', 'product_id': 'BIGINT',"
            + " 'category_id': 'BIGINT', 'category_code': 'VARCHAR', 'brand': 'VARCHAR', 'price': 'DECIMAL(12,2)',"
            + " 'user_id': 'BIGINT', 'user_session': 'VARCHAR'}";

    private SilverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[1]).toAbsolutePath();
        Path work = Files.createTempDirectory("silver-benchmark");
        String what;
        long started;
        double seconds;
        try {
            if (args[0].equals("enrich")) {
                long splitBytes = Long.parseLong(args[2]);
                int replicas = Integer.parseInt(args[3]);
                List<SplitEnricher> enrichers = enrichers(work, replicas, args[4], args[5]);
                long warmupRows = args.length > 6 ? Long.parseLong(args[6]) : 0;
                if (warmupRows > 0) {
                    Path head = work.resolve("warmup.csv");
                    copyHead(csv, head, warmupRows);
                    enrich(plan(head, work, "warmup", splitBytes), enrichers);
                }
                List<BronzeLanded> splits = plan(csv, work, "bench", splitBytes);
                started = System.nanoTime();
                long written = enrich(splits, enrichers);
                what = String.format("enrich-service: %d split(s), %d replica(s), DuckDB %s thread(s) and %s each,%s"
                        + " %,d rows written", splits.size(), replicas, args[4], args[5],
                        warmupRows > 0 ? String.format(" warmed up on %,d rows,", warmupRows) : " cold,", written);
            } else if (args[0].equals("rules")) {
                started = System.nanoTime();
                what = rules(csv);
            } else {
                started = System.nanoTime();
                what = duckdb(csv, work, args[2], args[3]);
            }
            seconds = (System.nanoTime() - started) / 1e9;
        } finally {
            deleteRecursively(work);
        }
        long bytes = Files.size(csv);
        long rows = dataLines(csv);
        System.out.printf("%s: %,d rows, %,d bytes in %.1f s = %,.0f rows/s, %.1f MB/s, peak RSS %s%n", what, rows, bytes,
                seconds, rows / seconds, bytes / seconds / 1e6, peakRss());
    }

    /** Links the file into a local lake's bronze container and cuts it into splits, as ingest-service would. */
    private static List<BronzeLanded> plan(Path csv, Path work, String dataset, long splitBytes) throws IOException {
        LocalLakeStorage lake = new LocalLakeStorage(work.resolve("lake"));
        lake.ensureContainers(List.of("bronze", "silver", "gold"));
        Files.createDirectories(work.resolve("lake/bronze/" + dataset));
        Files.createLink(work.resolve("lake/bronze/" + dataset + "/in.csv"), csv); // same file system: keep it under /tmp
        try (InputStream in = Files.newInputStream(csv)) {
            return BronzeSplits.messages(UUID.randomUUID().toString(), dataset,
                    LakeLocation.of("bronze", dataset + "/in.csv"), in, true, splitBytes);
        }
    }

    /** One enricher per replica, sharing one local lake, as replicas of one consumer group share the lake. */
    private static List<SplitEnricher> enrichers(Path work, int replicas, String threads, String memory) {
        LocalLakeStorage lake = new LocalLakeStorage(work.resolve("lake"));
        Map<String, String> settings = Map.of("clicklake.enrich.duckdb.threads", threads,
                "clicklake.enrich.duckdb.memory-limit", memory);
        List<SplitEnricher> enrichers = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            enrichers.add(LocalEnricher.create(lake, work.resolve("work-" + r), new SimpleMeterRegistry(), settings));
        }
        return enrichers;
    }

    /** Each enricher, on a thread of its own, takes the splits one after another; returns the rows written. */
    private static long enrich(List<BronzeLanded> splits, List<SplitEnricher> enrichers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(enrichers.size());
        try {
            List<Future<Long>> replicaRows = new ArrayList<>();
            for (SplitEnricher enricher : enrichers) {
                replicaRows.add(pool.submit(() -> {
                    long written = 0;
                    for (int i = next.getAndIncrement(); i < splits.size(); i = next.getAndIncrement()) {
                        written += enricher.enrich(splits.get(i)).counts().written();
                    }
                    return written;
                }));
            }
            long written = 0;
            for (Future<Long> rows : replicaRows) {
                written += rows.get();
            }
            return written;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The header and the first {@code rows} lines of {@code csv}. */
    private static void copyHead(Path csv, Path head, long rows) throws IOException {
        try (var in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                var out = Files.newBufferedWriter(head, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            for (long i = 0; line != null && i <= rows; i++, line = in.readLine()) {
                out.write(line);
                out.write('\n');
            }
        }
    }

    private static String rules(Path csv) throws IOException {
        SilverRules rules = new SilverRules(new ColumnOrder(ClickstreamColumns.NAMES));
        long cleaned = 0;
        try (InputStream in = Files.newInputStream(csv)) {
            CsvRecordReader reader = new CsvRecordReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1, 8192);
            reader.next(); // the header line
            for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
                cleaned += rules.apply(record) instanceof RowResult.Cleaned ? 1 : 0;
            }
        }
        return String.format("CsvRecordReader + SilverRules alone, one thread: %,d rows cleaned", cleaned);
    }

    private static String duckdb(Path csv, Path work, String threads, String memory) throws Exception {
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            statement.execute("SET memory_limit = '" + memory + "'");
            statement.execute("SET temp_directory = '" + work.resolve("spill") + "'");
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("COPY (SELECT DISTINCT event_time::TIMESTAMPTZ AS event_time, event_type, product_id,"
                    + " category_id, category_code, brand, price, user_id, user_session, CAST(event_time AS DATE) AS event_date"
                    + " FROM read_csv('" + csv + "', header = true, columns = " + COLUMNS
                    + ", timestampformat = '%Y-%m-%d %H:%M:%S UTC')) TO '" + work.resolve("parquet")
                    + "' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (event_date))");
        }
        return String.format("DuckDB read_csv, DISTINCT, COPY PARTITION_BY: %s thread(s), %s", threads, memory);
    }

    private static long dataLines(Path csv) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(csv)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                }
            }
        }
        return lines - 1; // the header line
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String peakRss() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM:")).map(line -> line.substring(6).strip()).findFirst().orElse("?");
    }
}
