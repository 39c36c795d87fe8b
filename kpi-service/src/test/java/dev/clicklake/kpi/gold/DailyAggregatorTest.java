package dev.clicklake.kpi.gold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clicklake.kpi.store.SessionFactsCsv;
import dev.clicklake.kpi.support.BreakdownFigures;
import dev.clicklake.kpi.support.DayFigures;
import dev.clicklake.kpi.support.SilverParquet;
import dev.clicklake.kpi.support.SilverRow;
import dev.clicklake.kpi.support.SilverRows;
import dev.clicklake.kpi.support.SummaryFigures;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/** DuckDB over real Parquet files against figures computed in plain Java from the same rows. */
class DailyAggregatorTest {

    private static final LocalDate DAY = LocalDate.of(2019, 10, 31);

    @TempDir
    Path dir;

    private DailyAggregator aggregator() {
        return new DailyAggregator(1, "256MB", dir);
    }

    @Test
    void countsEveryFileAndDistinctIdsAcrossFiles() throws Exception {
        SilverRows generator = new SilverRows(7, 40, 60);
        List<SilverRow> first = generator.on(DAY, 500);
        List<SilverRow> second = generator.on(DAY, 300);
        SilverParquet.write(first, dir.resolve("a.parquet"));
        SilverParquet.write(second, dir.resolve("b.parquet"));
        List<SilverRow> all = new ArrayList<>(first);
        all.addAll(second);

        Optional<DailyKpi> kpi = aggregator().aggregate("shop", DAY, List.of(dir.resolve("a.parquet"), dir.resolve("b.parquet")));

        assertEquals(DayFigures.expected("shop", DAY, all), figures(kpi.orElseThrow()));
    }

    @Test
    void countsOnlyEventsOfTheDayInUtc() throws Exception {
        List<SilverRow> rows = new ArrayList<>(new SilverRows(8, 5, 5).on(DAY, 50));
        rows.add(row(Instant.parse("2019-10-30T23:59:59.999Z"), "purchase", "10.00"));
        rows.add(row(Instant.parse("2019-11-01T00:00:00Z"), "purchase", "20.00"));
        rows.add(row(Instant.parse("2019-10-31T00:00:00Z"), "purchase", "0.01"));
        SilverParquet.write(rows, dir.resolve("day.parquet"));

        Optional<DailyKpi> kpi = aggregator().aggregate("shop", DAY, List.of(dir.resolve("day.parquet")));

        assertEquals(DayFigures.expected("shop", DAY, rows), figures(kpi.orElseThrow()));
    }

    @Test
    void aDayWithoutPurchasesHasZeroRevenueAndNullSessionsAreNotSessions() throws Exception {
        List<SilverRow> rows = List.of(
                new SilverRow(Instant.parse("2019-10-31T10:00:00Z"), "view", 1, 2, "", "", new BigDecimal("5.00"), 11, null),
                new SilverRow(Instant.parse("2019-10-31T11:00:00Z"), "view", 1, 2, "", "", new BigDecimal("5.00"), 12, null));
        SilverParquet.write(rows, dir.resolve("views.parquet"));

        DailyKpi kpi = aggregator().aggregate("shop", DAY, List.of(dir.resolve("views.parquet"))).orElseThrow();

        assertEquals(new DailyKpi("shop", DAY, 2, 2, 0, 0, 0, new BigDecimal("0.00"), 2, 0), kpi);
    }

    @Test
    void idSetsAreTheDaysUsersAndNumberedSessionsWithTheirFlagsAndTimes() throws Exception {
        List<SilverRow> rows = List.of(
                new SilverRow(Instant.parse("2019-10-30T23:59:50Z"), "view", 1, 2, "", "", new BigDecimal("5.00"), 11, "s-1"),
                new SilverRow(Instant.parse("2019-10-31T00:00:10Z"), "cart", 1, 2, "", "", new BigDecimal("5.00"), 11, "s-1"),
                new SilverRow(Instant.parse("2019-10-31T00:05:10.250Z"), "purchase", 1, 2, "", "", new BigDecimal("5.00"), 11, "s-1"),
                new SilverRow(Instant.parse("2019-10-31T09:00:00Z"), "view", 1, 2, "", "", new BigDecimal("5.00"), 12, "s-2"),
                new SilverRow(Instant.parse("2019-10-31T10:00:00Z"), "view", 1, 2, "", "", new BigDecimal("5.00"), 13, null));
        SilverParquet.write(rows, dir.resolve("day.parquet"));
        IdSets sets;
        try (DailyAggregator.Engine engine = aggregator().engine();
                DayScan scan = engine.scan("shop", DAY, List.of(dir.resolve("day.parquet")))) {
            assertEquals(List.of("s-1", "s-2"), scan.sessions(), "distinct sessions of the day, ascending");
            // numbers in the other order than the UUIDs: the sets must not depend on either
            scan.numberSessions(Map.of("s-1", 7L, "s-2", 3L));
            try (SessionFactsCsv facts = new SessionFactsCsv("shop", DAY, dir)) {
                sets = scan.idSets(facts);
            }
        }

        assertEquals(Set.of(11L, 12L, 13L), longs(sets.users()));
        assertEquals(Set.of(11L), longs(sets.buyers()));
        assertEquals(Set.of(3L, 7L), longs(sets.sessions()));
        assertEquals(Set.of(3L), longs(sets.viewingSessions()));
        assertEquals(Set.of(7L), longs(sets.cartingSessions()));
        assertEquals(Set.of(7L), longs(sets.purchasingSessions()));
        assertEquals(3, sets.sessionEvents());
        assertEquals(300_250_000L, sets.sessionDurationMicros());
        assertEquals(1, sets.bouncedSessions());
        long first = Instant.parse("2019-10-31T00:00:10Z").toEpochMilli() * 1_000;
        long nineAm = Instant.parse("2019-10-31T09:00:00Z").toEpochMilli() * 1_000;
        assertEquals(List.of("\"shop\",2019-10-31,3," + nineAm + "," + nineAm + ",1",
                        "\"shop\",2019-10-31,7," + first + "," + (first + 300_250_000L) + ",2"),
                Files.readAllLines(dir.resolve("session-facts.csv")));
    }

    @Test
    void noFilesOrNoEventsOfTheDayMeanNoRow() throws Exception {
        SilverParquet.write(List.of(row(Instant.parse("2019-11-01T00:00:00Z"), "view", "1.00")), dir.resolve("other.parquet"));

        assertEquals(Optional.empty(), aggregator().aggregate("shop", DAY, List.of()));
        assertEquals(Optional.empty(), aggregator().aggregate("shop", DAY, List.of(dir.resolve("other.parquet"))));
    }

    @Test
    void breakdownStreamsEachMemberOnceCompleteWithItsDistinctIds() throws Exception {
        List<SilverRow> rows = new ArrayList<>(new SilverRows(9, 12, 20).on(DAY, 400));
        rows.add(new SilverRow(Instant.parse("2019-10-31T23:59:59.999Z"), "purchase", 1, 2, "", "zeta",
                new BigDecimal("3.50"), 77, "late"));
        rows.add(new SilverRow(Instant.parse("2019-11-01T00:00:00Z"), "view", 1, 2, "", "zeta",
                new BigDecimal("1.00"), 78, "late"));
        SilverParquet.write(rows, dir.resolve("day.parquet"));
        try (DailyAggregator.Engine engine = aggregator().engine();
                DayScan scan = engine.scan("shop", DAY, List.of(dir.resolve("day.parquet")))) {
            Map<String, Long> ids = new HashMap<>();
            // numbered against the UUIDs' order, as a dictionary shared by several days numbers them
            List<String> sessions = scan.sessions();
            for (int i = 0; i < sessions.size(); i++) {
                ids.put(sessions.get(i), (long) (sessions.size() - i) * 3);
            }
            scan.numberSessions(ids);
            for (String dimension : List.of("main_category", "brand", "hour")) {
                breakdownOf(scan, dimension, rows);
            }
        }
    }

    private static void breakdownOf(DayScan scan, String dimension, List<SilverRow> rows) throws Exception {
        List<String> served = new ArrayList<>();
        Map<String, List<Long>> figures = new TreeMap<>();
        scan.breakdown(Dimension.of(dimension).orElseThrow(), member -> {
            served.add(member.member());
            figures.put(member.member(), List.of(member.events(), member.purchases(),
                    member.users().getLongCardinality(), member.sessions().getLongCardinality(),
                    member.buyers().getLongCardinality(), member.cartingSessions().getLongCardinality(),
                    member.purchasingSessions().getLongCardinality()));
        });

        assertEquals(served.stream().distinct().toList(), served, dimension + ": each member once");
        assertEquals(expected(rows, dimension), figures, dimension);
    }

    /** Per member of the day: events, purchases, users, sessions, buyers, carting and purchasing sessions. */
    private static Map<String, List<Long>> expected(List<SilverRow> rows, String dimension) {
        Map<String, List<Long>> expected = new TreeMap<>();
        rows.stream().filter(row -> row.eventTime().isBefore(Instant.parse("2019-11-01T00:00:00Z")))
                .collect(Collectors.groupingBy(BreakdownFigures.memberOf(dimension)))
                .forEach((member, ofMember) -> {
                    SummaryFigures s = SummaryFigures.expected("shop", DAY, DAY.plusDays(1), ofMember);
                    expected.put(member, List.of(s.events(), s.purchases(), s.users(), s.sessions(), s.buyers(),
                            s.cartingSessions(), s.purchasingSessions()));
                });
        return expected;
    }

    private static SilverRow row(Instant time, String type, String price) {
        return new SilverRow(time, type, 1, 2, "electronics.smartphone", "apple", new BigDecimal(price), 99, "s-1");
    }

    private static DayFigures figures(DailyKpi kpi) {
        return new DayFigures(kpi.dataset(), kpi.eventDate(), kpi.events(), kpi.views(), kpi.carts(), kpi.removes(),
                kpi.purchases(), kpi.revenue(), kpi.users(), kpi.sessions());
    }

    private static Set<Long> longs(Roaring64NavigableMap bitmap) {
        return java.util.Arrays.stream(bitmap.toArray()).boxed().collect(Collectors.toSet());
    }
}
