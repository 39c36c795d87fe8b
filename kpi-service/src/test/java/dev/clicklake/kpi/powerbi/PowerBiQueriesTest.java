package dev.clicklake.kpi.powerbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.kpi.catalog.GoldCatalog;
import dev.clicklake.kpi.catalog.GoldTable;
import dev.clicklake.kpi.support.MigratedColumns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps deploy/powerbi honest: every entity set, export table and column its Power Query (M) files and DAX
 * measures name exists in gold (the Flyway migrations, and the per-row ratio properties the OData feed adds) and
 * is served by the feed and the export (their one catalog, {@link GoldCatalog});
 * every ratio measure divides sums of additive columns; the key only ever comes from Power BI's credential.
 */
class PowerBiQueriesTest {

    private static final Path POWERBI = Path.of("..", "deploy", "powerbi");
    private static final Map<String, String> ENTITY_SET_TABLES = Map.of("Daily", "daily_kpi", "Monthly", "monthly_kpi",
            "Datasets", "dataset_kpi", "DailyByCategory", "daily_category_kpi", "DailyByBrand", "daily_brand_kpi",
            "Hourly", "hourly_kpi", "DailyFunnel", "daily_funnel", "RangePairs", GoldCatalog.RANGE_PAIRS.relation());
    /**
     * A RangePairs measure picks the row of the selection's first and last day and sums its column (one row), or
     * divides two such measures.
     */
    private static final Pattern PICK = Pattern.compile("VAR First = MIN\\(Daily\\[event_date\\]\\) VAR Last = "
            + "MAX\\(Daily\\[event_date\\]\\) RETURN CALCULATE\\(SUM\\(RangePairs\\[[a-z_]+\\]\\), REMOVEFILTERS\\(RangePairs\\), "
            + "RangePairs\\[first_date\\] = First, RangePairs\\[last_date\\] = Last\\)");
    private static final Map<String, String> EXPORT_ENTITY_SETS = Map.of("daily", "Daily", "monthly", "Monthly",
            "datasets", "Datasets", "daily-by-category", "DailyByCategory", "daily-by-brand", "DailyByBrand",
            "hourly", "Hourly", "daily-funnel", "DailyFunnel");
    /** Served beside the columns of Daily, Monthly and Datasets; never summed, so no query or measure may use them. */
    private static final Set<String> RATIO_PROPERTIES = Set.of("conversion_rate", "session_conversion_rate",
            "user_conversion_rate", "cart_to_purchase_rate", "cart_abandonment_rate", "view_to_cart_rate",
            "events_per_session", "sessions_per_user", "avg_session_duration_s", "bounce_rate", "avg_purchase_price");
    private static final Set<String> DAY_GRAIN = Set.of("Daily", "DailyByCategory", "DailyByBrand", "Hourly", "DailyFunnel");
    private static final String IN_RANGE =
            "[event_date] >= Date.From(RangeStart) and [event_date] < Date.From(RangeEnd)";

    private static final Pattern BARE_FIELD = Pattern.compile("(?<![\\w\\]])\\[([a-z_]+)\\]");
    private static final Pattern RECORD_FIELD = Pattern.compile("(\\w+)\\[([a-z_]+)\\]");
    private static final Pattern ENTITY_SET = Pattern.compile("Name = \"(\\w+)\"");
    private static final Pattern EXPORT = Pattern.compile("KpiExport\\(\"([a-z-]+)\"");
    private static final Pattern TABLE_START = Pattern.compile("^ {4}(\\w+) = \\{$");
    private static final Pattern COLUMN = Pattern.compile("^ {8}\\{\"([a-z_]+)\", ");
    private static final Pattern DAX_COLUMN = Pattern.compile("(\\w+)\\[([a-z_]+)\\]");
    private static final Pattern DAX_MEASURE = Pattern.compile("^\\s*MEASURE (\\w+)\\[([^\\]]+)\\] = (.*)$", Pattern.MULTILINE);

    private static Map<String, Set<String>> tables;

    @BeforeAll
    static void readGold() throws IOException {
        tables = new LinkedHashMap<>(MigratedColumns.read());
        // computed in memory from the RangeIndex, not migrated: its columns are the catalog's
        tables.put(GoldCatalog.RANGE_PAIRS.relation(), GoldCatalog.RANGE_PAIRS.columns().stream()
                .map(dev.clicklake.kpi.catalog.GoldColumn::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
        assertTrue(tables.get("daily_kpi").containsAll(List.of("events", "revenue", "sessions", "bounced_sessions")),
                () -> "the migration reader found " + tables);
        assertEquals(List.of("dataset", "event_date", "step", "step_name", "sessions", "events"),
                List.copyOf(tables.get("daily_funnel")));
    }

    @Test
    void everyODataQueryReadsItsEntitySetAndOnlyItsColumns() throws IOException {
        Set<String> covered = new TreeSet<>();
        for (Path file : queries("odata", "KpiFeed.pq")) {
            String entitySet = stem(file);
            String m = Files.readString(file);
            assertEquals(List.of(entitySet), all(ENTITY_SET, m, 1), () -> file + " reads the entity set it is named after");
            assertTrue(m.contains("KpiColumns[" + entitySet + "]"), () -> file + " keeps KpiColumns[" + entitySet + "]");
            assertServedFields(entitySet, file, m);
            covered.add(entitySet);
        }
        assertEquals(new TreeSet<>(ENTITY_SET_TABLES.keySet()), covered, "one OData query per entity set");
    }

    @Test
    void everyWebQueryReadsItsExportTableAndOnlyItsColumns() throws IOException {
        Set<String> covered = new TreeSet<>();
        for (Path file : queries("web", "KpiExport.pq")) {
            String m = Files.readString(file);
            String entitySet = stem(file);
            List<String> exports = all(EXPORT, m, 1);
            assertTrue(EXPORT_ENTITY_SETS.keySet().containsAll(exports), () -> file + " reads unknown exports: " + exports);
            List<String> own = exports.stream().filter(name -> EXPORT_ENTITY_SETS.get(name).equals(entitySet)).toList();
            assertEquals(1, own.size(), () -> file + " reads the export of " + entitySet + " once: " + exports);
            assertTrue(m.contains("KpiColumns[" + entitySet + "]"), () -> file + " keeps KpiColumns[" + entitySet + "]");
            assertServedFields(entitySet, file, m);
            covered.add(own.get(0));
        }
        assertEquals(new TreeSet<>(EXPORT_ENTITY_SETS.keySet()), covered, "one Web query per export table");
    }

    @Test
    void kpiColumnsNamesServedAdditiveColumnsOfEveryTable() throws IOException {
        Map<String, List<String>> kept = kpiColumns();
        assertEquals(new TreeSet<>(ENTITY_SET_TABLES.keySet()), new TreeSet<>(kept.keySet()));
        kept.forEach((entitySet, columns) -> {
            Set<String> served = tables.get(ENTITY_SET_TABLES.get(entitySet));
            assertTrue(served.containsAll(columns), () -> entitySet + " keeps columns gold does not have: "
                    + columns.stream().filter(c -> !served.contains(c)).toList());
            assertEquals(columns.size(), new HashSet<>(columns).size(), () -> entitySet + " names a column twice");
        });
        assertTrue(kept.get("Daily").containsAll(List.of("purchases", "sessions", "session_events", "carting_sessions")));
    }

    @Test
    void theServedFeedAndExportHaveEveryNameTheQueriesUse() throws IOException {
        Map<String, List<String>> kept = kpiColumns();
        for (Map.Entry<String, String> entry : ENTITY_SET_TABLES.entrySet()) {
            GoldTable served = GoldCatalog.byEntitySet(entry.getKey())
                    .orElseThrow(() -> new AssertionError("/odata serves no entity set " + entry.getKey()));
            assertEquals(entry.getValue(), served.relation(), () -> entry.getKey() + " reads another table");
            List<String> missing = kept.get(entry.getKey()).stream().filter(c -> served.column(c).isEmpty()).toList();
            assertEquals(List.of(), missing, () -> entry.getKey() + ": columns the queries keep that are not served");
            for (String ratio : RATIO_PROPERTIES) {
                if (entry.getKey().equals("Daily")) {
                    assertTrue(served.column(ratio).isPresent(), () -> "Daily serves " + ratio);
                }
            }
        }
        EXPORT_ENTITY_SETS.forEach((export, entitySet) -> assertEquals(Optional.of(entitySet),
                GoldCatalog.byExportName(export).map(GoldTable::entitySet), () -> "/export/" + export + ".csv"));
    }

    @Test
    void everyMeasureIsBuiltFromSumsOfAdditiveColumns() throws IOException {
        String dax = Files.readString(POWERBI.resolve("measures.dax"));
        Matcher column = DAX_COLUMN.matcher(dax);
        int references = 0;
        while (column.find()) {
            String entitySet = column.group(1);
            String name = column.group(2);
            assertTrue(ENTITY_SET_TABLES.containsKey(entitySet), () -> "measures.dax reads unknown table " + entitySet);
            assertTrue(tables.get(ENTITY_SET_TABLES.get(entitySet)).contains(name),
                    () -> "measures.dax reads " + entitySet + "[" + name + "], which gold does not have");
            references++;
        }
        assertTrue(references > 50, "measures.dax reads the tables' columns");
        Matcher measure = DAX_MEASURE.matcher(dax);
        Set<String> names = new TreeSet<>();
        while (measure.find()) {
            String expression = measure.group(3);
            if (measure.group(1).equals("RangePairs")) {
                String left = PICK.matcher(expression).replaceAll("").replaceAll("\\[Exact [^\\]]+\\]", "")
                        .replaceAll("DIVIDE|[\\s(),\\-/0-9]", "");
                assertEquals("", left, () -> "measure " + measure.group(2) + " neither picks a pair nor divides two: " + expression);
                assertTrue(names.add(measure.group(2)), () -> "measure name used twice: " + measure.group(2));
                continue;
            }
            String rest = expression.replaceAll("SUM\\(\\w+\\[[a-z_]+\\]\\)", "").replaceAll("DIVIDE|[\\s(),\\-/0-9]", "");
            assertEquals("", rest, () -> "measure " + measure.group(2) + " is not a ratio of sums: " + expression);
            assertTrue(names.add(measure.group(2)), () -> "measure name used twice: " + measure.group(2));
        }
        for (String ratio : List.of("Conversion Rate", "Session Conversion Rate", "User Conversion Rate",
                "Cart To Purchase Rate", "Cart Abandonment Rate", "View To Cart Rate", "Events Per Session",
                "Sessions Per User", "Avg Session Duration (s)", "Bounce Rate", "Avg Purchase Price")) {
            assertTrue(names.contains(ratio) && names.contains("Daily " + ratio), () -> "a measure for " + ratio);
        }
        assertTrue(names.containsAll(List.of("Total Users", "Total Sessions", "Total Purchases", "Total Conversion Rate",
                "Total Avg Purchase Price")), () -> "the original dashboard's cards: " + names);
    }

    @Test
    void dayGrainQueriesFoldTheIncrementalRefreshRangeIntoTheirRequest() throws IOException {
        for (String entitySet : DAY_GRAIN) {
            String odata = Files.readString(POWERBI.resolve("odata").resolve(entitySet + ".pq"));
            String web = Files.readString(POWERBI.resolve("web").resolve(entitySet + ".pq"));
            assertTrue(odata.contains(IN_RANGE), () -> "OData " + entitySet + " filters [RangeStart, RangeEnd)");
            assertTrue(web.contains("from = KpiDay(RangeStart), to = KpiDay(RangeEnd)"),
                    () -> "Web " + entitySet + " asks for [RangeStart, RangeEnd)");
            assertTrue(web.contains(IN_RANGE), () -> "Web " + entitySet + " filters [RangeStart, RangeEnd)");
        }
    }

    @Test
    void theKeyComesOnlyFromPowerBisWebApiCredential() throws IOException {
        String feed = Files.readString(POWERBI.resolve("odata").resolve("KpiFeed.pq"));
        String export = Files.readString(POWERBI.resolve("web").resolve("KpiExport.pq"));
        assertTrue(feed.contains("OData.Feed(KpiBaseUrl & \"/odata\"") && feed.contains("ApiKeyName = \"api_key\""), feed);
        assertTrue(export.contains("Web.Contents(KpiBaseUrl, [") && export.contains("ApiKeyName = \"api_key\"")
                && export.contains("RelativePath = ") && export.contains("Query = query"), export);
        try (Stream<Path> files = Files.walk(POWERBI)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                String name = file.getFileName().toString();
                if (name.endsWith(".pq") || name.endsWith(".tmdl")) {
                    assertFalse(text.contains("api_key=") || text.contains("X-API-Key"), () -> file + " carries a key");
                    boolean helpers = name.equals("expressions.tmdl"); // the project's copy of KpiFeed
                    assertTrue(name.equals("KpiFeed.pq") || helpers || !text.contains("OData.Feed("), () -> file + " bypasses KpiFeed");
                    assertTrue(name.equals("KpiExport.pq") || !text.contains("Web.Contents("), () -> file + " bypasses KpiExport");
                }
            }
        }
    }

    /** Bare {@code [column]} fields are the query's own table's; {@code Record[column]} any gold table's. */
    private static void assertServedFields(String entitySet, Path file, String m) {
        Set<String> own = tables.get(ENTITY_SET_TABLES.get(entitySet));
        for (String field : all(BARE_FIELD, m, 1)) {
            assertTrue(own.contains(field), () -> file + " reads [" + field + "], not a column of " + entitySet);
            assertFalse(RATIO_PROPERTIES.contains(field), () -> file + " reads a ratio: " + field);
        }
        Set<String> anyTable = tables.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        Matcher record = RECORD_FIELD.matcher(m);
        while (record.find()) {
            String field = record.group(2);
            assertTrue(anyTable.contains(field), () -> file + " reads " + record.group() + ", not a gold column");
        }
    }

    private static Map<String, List<String>> kpiColumns() throws IOException {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : Files.readAllLines(POWERBI.resolve("shared").resolve("KpiColumns.pq"))) {
            Matcher start = TABLE_START.matcher(line);
            Matcher column = COLUMN.matcher(line);
            if (start.matches()) {
                current = new ArrayList<>();
                kept.put(start.group(1), current);
            } else if (column.find()) {
                current.add(column.group(1));
            }
        }
        return kept;
    }

    private static List<Path> queries(String folder, String helper) throws IOException {
        try (Stream<Path> files = Files.list(POWERBI.resolve(folder))) {
            return files.filter(file -> file.toString().endsWith(".pq") && !file.getFileName().toString().equals(helper))
                    .sorted().toList();
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".pq".length());
    }

    private static List<String> all(Pattern pattern, String text, int group) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return found;
    }
}
