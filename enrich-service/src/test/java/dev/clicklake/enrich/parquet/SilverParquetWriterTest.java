package dev.clicklake.enrich.parquet;

import dev.clicklake.contracts.layout.SilverSchema;
import java.util.Locale;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clicklake.enrich.pipeline.EventKeyHasher;
import dev.clicklake.enrich.pipeline.EventKeySet;
import dev.clicklake.enrich.pipeline.SilverEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SilverParquetWriterTest {

    private static final DuckDbSettings SETTINGS = new DuckDbSettings(2, "256MB");
    private static final EventKeyHasher HASHER = new EventKeyHasher();

    @TempDir
    Path folder;

    @Test
    void writesOneFilePerEventDateWithItsRowsInAppendOrder() throws Exception {
        SilverEvent late = event("2019-10-02T10:00:00Z", "s2", 100);
        SilverEvent earlyNoSession = event("2019-10-01T09:00:00Z", null, 200);
        SilverEvent earlyB = event("2019-10-01T09:00:00Z", "b", 300);
        SilverEvent earlyA = event("2019-10-01T09:00:00Z", "a", 400);
        SilverEvent first = event("2019-10-01T00:00:01Z", "z", 500);

        List<ParquetPartition> partitions = write(List.of(late, earlyNoSession, earlyB, earlyA, first));

        assertEquals(2, partitions.size());
        ParquetPartition day1 = partitions.get(0);
        assertEquals(LocalDate.of(2019, 10, 1), day1.eventDate());
        assertEquals(4, day1.rowsWritten());
        assertEquals(new ParquetPartition(LocalDate.of(2019, 10, 2), folder.resolve("event_date=2019-10-02.parquet"), 1),
                partitions.get(1));

        assertEquals(List.of("2019-10-01 09:00:00+00|null|2.00", "2019-10-01 09:00:00+00|b|3.00",
                "2019-10-01 09:00:00+00|a|4.00", "2019-10-01 00:00:01+00|z|5.00"),
                query("SELECT event_time::VARCHAR || '|' || coalesce(user_session, 'null') || '|' || price::VARCHAR FROM "
                        + source(day1.file())));
    }

    @Test
    void leavesOutTheEventsGivenByKeyAndWritesNoFileForADateLeftEmpty() throws Exception {
        SilverEvent kept = event("2019-10-01T09:00:00Z", "a", 100);
        SilverEvent leftOut = event("2019-10-01T09:00:00Z", "b", 200);
        SilverEvent aloneOnItsDate = event("2019-10-02T09:00:00Z", "c", 300);
        EventKeySet leaveOut = new EventKeySet();
        leaveOut.add(HASHER.key(leftOut));
        leaveOut.add(HASHER.key(aloneOnItsDate));

        List<ParquetPartition> partitions = write(List.of(kept, leftOut, aloneOnItsDate), folder, leaveOut);

        assertEquals(List.of(new ParquetPartition(LocalDate.of(2019, 10, 1), folder.resolve("event_date=2019-10-01.parquet"), 1)),
                partitions);
        assertEquals(List.of("a"), query("SELECT user_session FROM " + source(partitions.get(0).file())));
        assertEquals(false, Files.exists(folder.resolve("event_date=2019-10-02.parquet")));
    }

    @Test
    void writesTheSilverEventsSchema() throws Exception {
        ParquetPartition partition = write(List.of(event("2019-10-01T23:30:00Z", "s", 12345))).get(0);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("event_time", "TIMESTAMP WITH TIME ZONE");
        expected.put("event_type", "VARCHAR");
        expected.put("product_id", "BIGINT");
        expected.put("category_id", "BIGINT");
        expected.put("category_code", "VARCHAR");
        expected.put("main_category", "VARCHAR");
        expected.put("sub_category", "VARCHAR");
        expected.put("item_category", "VARCHAR");
        expected.put("brand", "VARCHAR");
        expected.put("price", "DECIMAL(12,2)");
        expected.put("user_id", "BIGINT");
        expected.put("user_session", "VARCHAR");
        expected.put("event_hour", "TINYINT");
        List<String> described = query("SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM "
                + source(partition.file()) + ")");
        List<String> wanted = new ArrayList<>();
        expected.forEach((name, type) -> wanted.add(name + " " + type));
        assertEquals(wanted, described);
        assertEquals(SilverSchema.COLUMNS.stream().filter(column -> !column.partition())
                .map(column -> column.name() + " " + column.sqlType().toUpperCase(Locale.ROOT)).toList(), described,
                "the columns lake-contracts' SilverSchema describes are those of the files");
        assertEquals(List.of("2053013555631882655|123.45|23|cart|electronics.audio.headphone|electronics|audio|headphone|sony|7|2019-10-01 23:30:00+00"),
                query("SELECT concat_ws('|', category_id, price, event_hour, event_type, category_code, main_category,"
                        + " sub_category, item_category, brand, product_id, event_time) FROM " + source(partition.file())));
        assertEquals(List.of("zstd"), query("SELECT DISTINCT lower(compression) FROM parquet_metadata("
                + literal(partition.file()) + ")"));
    }

    @Test
    void writesTheSameBytesInTheSameOrderForTheSameInput() throws Exception {
        Random random = new Random(7);
        Set<SilverEvent> distinct = new LinkedHashSet<>();
        while (distinct.size() < 50_000) {
            distinct.add(event(Instant.parse("2019-10-01T00:00:00Z").plusSeconds(random.nextInt(3_600)).toString(),
                    random.nextInt(10) == 0 ? null : "s" + random.nextInt(50), random.nextInt(100_000)));
        }
        List<SilverEvent> events = new ArrayList<>(distinct);
        Path firstFile = write(events, folder.resolve("first")).get(0).file();
        byte[] first = Files.readAllBytes(firstFile);
        byte[] second = Files.readAllBytes(write(events, folder.resolve("second")).get(0).file());

        assertArrayEquals(first, second);
        List<String> expected = events.stream().map(e -> e.priceCents() + "|" + e.eventTime().getEpochSecond()).toList();
        assertEquals(expected, query("SELECT CAST(price * 100 AS BIGINT) || '|' || epoch(event_time)::BIGINT FROM "
                + source(firstFile)), "rows in append order, across DuckDB vectors and threads");
    }

    @Test
    void staysWithinASmallMemoryLimitBySpillingToTheFolder() throws Exception {
        List<ParquetPartition> partitions;
        Random random = new Random(11);
        try (SilverParquetWriter writer = new SilverParquetWriter(folder, new DuckDbSettings(1, "64MB"))) {
            for (int i = 0; i < 250_000; i++) {
                SilverEvent event = event(Instant.parse("2019-10-01T00:00:00Z").plusSeconds(86_400 * (i % 3)).toString(),
                        "session-" + i, random.nextInt(100_000));
                writer.append(event, HASHER.key(event));
            }
            partitions = writer.finish(new EventKeySet());
        }

        assertEquals(3, partitions.size());
        assertEquals(250_000, partitions.stream().mapToLong(ParquetPartition::rowsWritten).sum());
    }

    @Test
    void keepsAwkwardTextAndExtremeValuesExactly() throws Exception {
        SilverEvent earliest = new SilverEvent(Instant.parse("0001-01-01T00:00:00Z"), "view", Long.MAX_VALUE, Long.MIN_VALUE,
                "\u00e9lectronique.\"audio\", hi-fi.casque", "\u00e9lectronique", "\"audio\", hi-fi", "casque",
                "a \"quoted\", brand\nover two lines", 0, 0, " s,\r\n\"x\"\u2603\t\u0000 ");
        SilverEvent latest = new SilverEvent(Instant.parse("9999-12-31T23:59:59.999999Z"), "purchase", 0, -1, "unknown",
                "unknown", "unknown", "", "\ud83d\ude00", 999_999_999_999L, Long.MAX_VALUE, null);

        List<ParquetPartition> partitions = write(List.of(earliest, latest));

        assertEquals(2, partitions.size());
        List<String> read = new ArrayList<>();
        for (ParquetPartition partition : partitions) {
            read.addAll(query("SELECT concat_ws('|', strftime(event_time, '%Y-%m-%d %H:%M:%S.%f'), event_type, product_id,"
                    + " category_id, category_code, main_category, sub_category, item_category, brand, price, user_id,"
                    + " coalesce(user_session, '<null>'), event_hour) FROM " + source(partition.file())));
        }
        assertEquals(List.of(
                String.join("|", "0001-01-01 00:00:00.000000", "view", Long.toString(Long.MAX_VALUE),
                        Long.toString(Long.MIN_VALUE), earliest.categoryCode(), earliest.mainCategory(),
                        earliest.subCategory(), earliest.itemCategory(), earliest.brand(), "0.00", "0",
                        earliest.userSession(), "0"),
                String.join("|", "9999-12-31 23:59:59.999999", "purchase", "0", "-1", "unknown", "unknown", "unknown",
                        "", latest.brand(), "9999999999.99", Long.toString(Long.MAX_VALUE), "<null>", "23")),
                read);
    }

    @Test
    void readsBackALineLongerThanDuckDbsDefaultLineLimit() throws Exception {
        String longBrand = "b".repeat(2_050_000); // DuckDB reads lines of up to 2,000,000 bytes unless told otherwise
        SilverEvent event = new SilverEvent(Instant.parse("2019-10-01T00:00:00Z"), "view", 1, 2, "unknown", "unknown",
                "unknown", "unknown", longBrand, 100, 3, "s");

        ParquetPartition partition = write(List.of(event)).get(0);

        assertEquals(List.of(Integer.toString(longBrand.length())),
                query("SELECT length(brand) FROM " + source(partition.file())));
    }

    @Test
    void writesEveryDateWhenASplitSpansMoreDatesThanItKeepsFilesOpen() throws Exception {
        int dates = StagedDates.MAX_OPEN * 2 + 3;
        List<SilverEvent> events = new ArrayList<>();
        for (int i = 0; i < dates * 5; i++) {
            events.add(event(Instant.parse("2019-01-01T12:00:00Z").plusSeconds(86_400L * (i % dates) + i).toString(),
                    "s" + i, i));
        }

        List<ParquetPartition> partitions = write(events);

        assertEquals(dates, partitions.size());
        for (ParquetPartition partition : partitions) {
            List<String> expected = events.stream().filter(e -> e.eventDate().equals(partition.eventDate()))
                    .map(SilverEvent::userSession).toList();
            assertEquals(expected, query("SELECT user_session FROM " + source(partition.file())), partition.toString());
        }
    }

    @Test
    void leavesOutByKeyAcrossManyDatesAndLinesWithQuotesAndLineBreaks() throws Exception {
        int dates = StagedDates.MAX_OPEN + 5;
        List<SilverEvent> events = new ArrayList<>();
        EventKeySet leaveOut = new EventKeySet();
        List<SilverEvent> kept = new ArrayList<>();
        for (int i = 0; i < dates * 6; i++) {
            SilverEvent event = event(Instant.parse("2019-01-01T12:00:00Z").plusSeconds(86_400L * (i % dates) + i).toString(),
                    i % 2 == 0 ? "s" + i : "s\"" + i + "\",\r\nnext \u00e9", i);
            events.add(event);
            if (i % 3 == 0 || i % dates == 7) {
                leaveOut.add(HASHER.key(event));
            } else {
                kept.add(event);
            }
        }

        List<ParquetPartition> partitions = write(events, folder, leaveOut);

        assertEquals(dates - 1, partitions.size(), "the date whose every event is left out has no file");
        for (ParquetPartition partition : partitions) {
            List<String> expected = kept.stream().filter(e -> e.eventDate().equals(partition.eventDate()))
                    .map(SilverEvent::userSession).toList();
            assertEquals(expected, query("SELECT user_session FROM " + source(partition.file())), partition.toString());
            assertEquals(expected.size(), partition.rowsWritten());
        }
    }

    @Test
    void writesNoFileForNoRows() throws Exception {
        assertEquals(List.of(), write(List.of()));
    }

    private List<ParquetPartition> write(List<SilverEvent> events) throws Exception {
        return write(events, folder);
    }

    private static List<ParquetPartition> write(List<SilverEvent> events, Path into) throws Exception {
        return write(events, into, new EventKeySet());
    }

    private static List<ParquetPartition> write(List<SilverEvent> events, Path into, EventKeySet leaveOut) throws Exception {
        try (SilverParquetWriter writer = new SilverParquetWriter(Files.createDirectories(into), SETTINGS)) {
            for (SilverEvent event : events) {
                writer.append(event, HASHER.key(event));
            }
            return writer.finish(leaveOut);
        }
    }

    private static SilverEvent event(String time, String session, long priceCents) {
        return new SilverEvent(Instant.parse(time), "cart", 7, 2053013555631882655L, "electronics.audio.headphone",
                "electronics", "audio", "headphone", "sony", priceCents, 42, session);
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
                Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            try (ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
        }
        return rows;
    }

    private static String source(Path file) {
        return "read_parquet(" + literal(file) + ")";
    }

    private static String literal(Path file) {
        return "'" + file.toAbsolutePath() + "'";
    }
}
