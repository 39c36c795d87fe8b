package dev.clicklake.kpi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.DateRange;
import dev.clicklake.contracts.event.RowCounts;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.event.SplitRef;
import dev.clicklake.contracts.layout.SilverLayout;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.support.KpiTopics;
import dev.clicklake.kpi.support.Reader;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.duckdb.DuckDBDriver;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The gold benchmark, run by {@code kpi-service/bench/gold-benchmark.sh} (skipped otherwise): a generated month
 * of silver through the real flow (Azurite, Kafka, PostgreSQL) timed from silver-ready to gold-ready, plain
 * DuckDB computing the same figures over the same files as the baseline (and as the check: the month's
 * figures must agree), then the incremental update of one new day, then {@code /kpi/summary} latency measured by
 * wrk (a second process) with one connection and with {@code bench.clients}, over random ranges and the whole
 * span (answers other than 2xx are counted as errors).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench.days", matches = "\\d+")
class GoldBench {

    private static final LocalDate START = LocalDate.of(2019, 10, 1);
    // the same figures gold computes, with plain DuckDB over the same files: days, breakdowns, the month
    static final List<String> BASELINE = List.of("""
            SELECT epoch_us(event_time) // 86400000000 AS day, count(*), count(*) FILTER (WHERE event_type = 'view'),
                   count(*) FILTER (WHERE event_type = 'cart'), count(*) FILTER (WHERE event_type = 'purchase'),
                   sum(price) FILTER (WHERE event_type = 'purchase'), count(DISTINCT user_id), count(DISTINCT user_session),
                   count(DISTINCT user_id) FILTER (WHERE event_type = 'purchase')
            FROM %1$s GROUP BY ALL""", """
            SELECT day, count(*), sum(n), sum(dur), count(*) FILTER (WHERE n = 1) FROM (
              SELECT epoch_us(event_time) // 86400000000 AS day, user_session, count(*) AS n,
                     epoch_us(max(event_time)) - epoch_us(min(event_time)) AS dur
              FROM %1$s GROUP BY ALL) GROUP BY day""", """
            SELECT epoch_us(event_time) // 86400000000 AS day, %2$s, count(*), count(DISTINCT user_id),
                   count(DISTINCT user_session), count(DISTINCT user_session) FILTER (WHERE event_type = 'purchase')
            FROM %1$s GROUP BY ALL""", """
            SELECT count(*), count(DISTINCT user_id), count(DISTINCT user_session), sum(price) FILTER (WHERE event_type = 'purchase')
            FROM %1$s""");

    @Inject
    LakeStorage lake;

    @Inject
    ContractCodec codec;

    @ConfigProperty(name = "clicklake.topic-prefix")
    String topicPrefix;

    @TestHTTPResource("/")
    URL base;

    private String dataset;

    @Test
    void aGeneratedMonthThroughGoldAgainstPlainDuckDbThenSummaryLatency() throws Exception {
        int days = Integer.getInteger("bench.days");
        long events = Long.getLong("bench.events", 100_000);
        int clients = Integer.getInteger("bench.clients", 50);
        dataset = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String ingestion = UUID.randomUUID().toString();
        Path local = Files.createTempDirectory("gold-bench");

        long generating = System.nanoTime();
        List<SilverFile> files = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            LocalDate date = START.plusDays(day);
            Path file = local.resolve(date + ".parquet");
            SilverMonth.writeDay(date, day, events, events * 2 / 9, events * 3, file);
            files.add(upload(dataset, ingestion, date, file, events));
        }
        report("silver generated and uploaded: %d days x %d events, %.1f MB, %.1f s", days, events,
                files.stream().mapToLong(SilverFile::bytes).sum() / 1e6, seconds(generating));

        SilverReady message = new SilverReady(ingestion, dataset, LakeLocation.of("bronze", dataset + "/bench.csv"),
                new SplitRef(0, 1), files, null, new RowCounts(days * events, days * events, 0, 0, Map.of()),
                new DateRange(START, START.plusDays(days - 1)), SilverReady.SILVER_EVENTS_V1);
        resetPeakHeap();
        long rebuilding = System.nanoTime();
        new KpiTopics(topicPrefix).sendContract(Contract.SILVER_READY, message, ingestion, codec);
        new KpiTopics(topicPrefix).await(Contract.GOLD_READY.contractName(), 1, r -> ingestion.equals(r.key()),
                Duration.ofMinutes(60));
        double gold = seconds(rebuilding);
        report("gold rebuild (silver-ready -> gold-ready: %d days, breakdowns, range corrections, month + dataset grains, snapshot): %.1f s, %.2f s/day; %s",
                days, gold, gold / days, memory());

        String sources = "read_parquet([" + Files.list(local).sorted().map(p -> "'" + p + "'")
                .collect(Collectors.joining(", ")) + "])";
        long baseline = System.nanoTime();
        List<String> month;
        try (Connection duckdb = new DuckDBDriver().connect("jdbc:duckdb:", duckdbSettings());
                Statement statement = duckdb.createStatement()) {
            for (String query : BASELINE.subList(0, 2)) {
                drain(statement.executeQuery(query.formatted(sources)));
            }
            for (String member : List.of("brand", "main_category", "event_hour")) {
                drain(statement.executeQuery(BASELINE.get(2).formatted(sources, member)));
            }
            ResultSet row = statement.executeQuery(BASELINE.get(3).formatted(sources));
            row.next();
            month = List.of(row.getString(1), row.getString(2), row.getString(3), row.getBigDecimal(4).toPlainString());
        }
        double duck = seconds(baseline);
        report("plain DuckDB baseline (same figures over local files, 2 threads, memory limit %s, no PostgreSQL, no bitmaps): %.1f s; gold / DuckDB = %.1fx",
                duckdbSettings().getProperty("memory_limit"), duck, gold / duck);

        String summary = get(HttpClient.newHttpClient(), START, START.plusDays(days)).body();
        Map<?, ?> served = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readValue(summary, Map.class);
        assertEquals(month, List.of(served.get("events").toString(), served.get("users").toString(),
                served.get("sessions").toString(), ((BigDecimal) served.get("revenue")).toPlainString()));

        // issue 14, incremental: one new day after `days` days against one new day after a single day, same run
        double afterMany = addOneDay(local, dataset, days, events);
        report("incremental update, one new day of %d events after %d days (day, breakdowns, range corrections, month + dataset grains, snapshot): %.1f s",
                events, days, afterMany);
        report("  during it: %s", memory());
        String small = "bench-small-" + UUID.randomUUID().toString().substring(0, 8);
        addOneDay(local, small, 0, events);
        double afterOne = addOneDay(local, small, 1, events);
        report("incremental update, one new day of %d events after 1 day: %.1f s; after %d days / after 1 day = %.2fx",
                events, afterOne, days, afterMany / afterOne);

        Path script = Path.of(System.getProperty("bench.wrk.script"));
        wrk("random ranges", 1, days + 1, false, script);
        wrk("whole span", 1, days + 1, true, script);
        wrk("random ranges", clients, days + 1, false, script);
        wrk("whole span", clients, days + 1, true, script);
    }

    /** Lands day number {@code day} (from START) of {@code target} as an ingestion of its own; returns the seconds to gold-ready. */
    private double addOneDay(Path local, String target, int day, long events) throws Exception {
        LocalDate date = START.plusDays(day);
        Path file = local.resolve(target + "-" + date + ".parquet");
        SilverMonth.writeDay(date, day, events, events * 2 / 9, events * 3, file);
        String ingestion = UUID.randomUUID().toString();
        SilverFile silver = upload(target, ingestion, date, file, events);
        resetPeakHeap();
        long started = System.nanoTime();
        new KpiTopics(topicPrefix).sendContract(Contract.SILVER_READY, new SilverReady(ingestion, target,
                LakeLocation.of("bronze", target + "/next.csv"), new SplitRef(0, 1), List.of(silver), null,
                new RowCounts(events, events, 0, 0, Map.of()), new DateRange(date, date),
                SilverReady.SILVER_EVENTS_V1), ingestion, codec);
        new KpiTopics(topicPrefix).await(Contract.GOLD_READY.contractName(), 1, r -> ingestion.equals(r.key()),
                Duration.ofMinutes(30));
        return seconds(started);
    }

    /**
     * Runs wrk (a second process, on loopback) for {@code bench.seconds} with {@code connections} concurrent
     * connections on 2 threads against /kpi/summary, with the ranges {@code script} draws; prints its figures.
     */
    private void wrk(String name, int connections, int days, boolean whole, Path script) throws Exception {
        ProcessBuilder wrk = new ProcessBuilder("wrk", "-t", String.valueOf(Math.min(2, connections)),
                "-c", String.valueOf(connections), "-d", Integer.getInteger("bench.seconds", 20) + "s",
                "--timeout", "10s", "-s", script.toString(), base.toString()).redirectErrorStream(true);
        wrk.environment().putAll(Map.of("BENCH_DATASET", dataset, "BENCH_DAYS", String.valueOf(days),
                "BENCH_KEY", Reader.API_KEY, "BENCH_WHOLE", whole ? "1" : "0"));
        Process process = wrk.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        String figures = output.lines().filter(line -> line.startsWith("WRK ")).findFirst().orElseThrow(
                () -> new AssertionError("wrk printed no figures:\n" + output));
        report("/kpi/summary, %s over %d days, wrk %d connections: %s", name, days, connections, figures.substring(4));
    }

    private HttpResponse<String> get(HttpClient http, LocalDate from, LocalDate to) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "kpi/summary?dataset=" + dataset + "&from=" + from
                + "&to=" + to)).header("X-API-Key", Reader.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
    }

    private SilverFile upload(String dataset, String ingestion, LocalDate date, Path file, long rows) throws Exception {
        String path = SilverLayout.eventsPath(dataset, date, ingestion, 0);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            lake.create(LakeLocation.of("silver", path), in);
        }
        return new SilverFile("silver", path, Files.size(file), HexFormat.of().formatHex(sha.digest()), rows, date);
    }

    private static Properties duckdbSettings() {
        Properties settings = new Properties();
        settings.setProperty("threads", "2");
        settings.setProperty("memory_limit", System.getProperty("bench.duckdb.memory-limit", "4GB"));
        return settings;
    }

    private static void drain(ResultSet rows) throws Exception {
        try (rows) {
            while (rows.next()) {
                rows.getString(1);
            }
        }
    }

    private static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /**
     * Peak heap since the last reset (the kpi-service code and this test share the JVM), and the JVM's peak RSS
     * since it started (heap, DuckDB's native memory, everything; from /proc/self/status VmHWM).
     */
    private static String memory() throws Exception {
        long heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM"))
                .map(line -> line.replaceAll("\\s+", " ").substring("VmHWM: ".length())).findFirst().orElse("?");
        return String.format("peak heap (sum of the pools' peaks) %.0f MiB, JVM peak RSS so far %s", heap / 1048576.0, rss);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void report(String format, Object... values) {
        System.out.println("BENCH " + format.formatted(values));
    }
}
