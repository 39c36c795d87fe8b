package dev.clicklake.kpi.catalog;

import static dev.clicklake.kpi.catalog.GoldColumn.optional;
import static dev.clicklake.kpi.catalog.GoldColumn.stored;
import static dev.clicklake.kpi.catalog.ValueType.DATE;
import static dev.clicklake.kpi.catalog.ValueType.INT16;
import static dev.clicklake.kpi.catalog.ValueType.INT32;
import static dev.clicklake.kpi.catalog.ValueType.INT64;
import static dev.clicklake.kpi.catalog.ValueType.MONEY;
import static dev.clicklake.kpi.catalog.ValueType.TEXT;
import static dev.clicklake.kpi.catalog.ValueType.TIMESTAMP;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one list of the gold tables kpi-service serves, read by the OData feed and the export alike. Columns are
 * those of the Flyway migrations V1..V3 (see their comments for the meaning of each measure); each table also
 * serves every {@link Ratios ratio} whose inputs it has.
 */
public final class GoldCatalog {

    /** Counts and money every grain has. */
    private static final List<String> EVENT_COUNTS = List.of("events", "views", "carts", "removes", "purchases");

    /** Distinct counts the breakdown tables have after users and sessions. */
    private static final List<String> BREAKDOWN_SESSIONS = List.of("buyers", "carting_sessions", "purchasing_sessions");

    /** Measures added in gold v3 to the day, month and dataset grains. */
    private static final List<String> V3_MEASURES = List.of("buyers", "viewing_sessions", "carting_sessions",
            "purchasing_sessions", "cart_purchase_sessions", "funnel_cart_sessions", "funnel_purchase_sessions",
            "session_events", "session_duration_us", "bounced_sessions");

    public static final List<GoldTable> TABLES = List.of(
            table("Daily", "daily", "daily_kpi", List.of(stored("dataset", TEXT), stored("event_date", DATE)),
                    List.of(), false, "event_date"),
            table("Monthly", "monthly", "monthly_kpi", List.of(stored("dataset", TEXT), stored("month", DATE)),
                    List.of(stored("days", INT32)), true, "month"),
            table("Datasets", "datasets", "dataset_kpi", List.of(stored("dataset", TEXT)),
                    List.of(stored("first_date", DATE), stored("last_date", DATE), stored("days", INT32)), true, null),
            breakdown("DailyByCategory", "daily-by-category", "daily_category_kpi", stored("main_category", TEXT)),
            breakdown("DailyByBrand", "daily-by-brand", "daily_brand_kpi", stored("brand", TEXT)),
            breakdown("Hourly", "hourly", "hourly_kpi", stored("event_hour", INT16)),
            new GoldTable("DailyFunnel", "daily-funnel", "daily_funnel", List.of("dataset", "event_date", "step"),
                    List.of(stored("dataset", TEXT), stored("event_date", DATE), stored("step", INT16),
                            stored("step_name", TEXT), optional("sessions", INT64), stored("events", INT64)),
                    Optional.of("event_date")));

    /**
     * Every (first day, last day) pair of a dataset's days with its exact figures, computed in memory from the
     * dataset's {@code RangeIndex} (no relation holds it): served as OData entity set {@code RangePairs} and as
     * {@code GET /kpi/range-pairs}, not as an export. Distinct counts and session timing are exact for the pair's
     * whole range [first_date, last_date]; no ratio columns (a ratio is a ratio of two of these).
     */
    public static final GoldTable RANGE_PAIRS = rangePairs();

    /**
     * Every entity set of the OData feed: the stored tables, the computed {@link #RANGE_PAIRS}, then the dataset
     * catalog's ({@link CatalogEntitySets}).
     */
    public static final List<GoldTable> ENTITY_SETS = Stream.of(TABLES.stream(), Stream.of(RANGE_PAIRS),
            CatalogEntitySets.ALL.stream()).flatMap(s -> s).toList();

    private GoldCatalog() {
    }

    /** Whether {@code table} is computed in memory rather than read from PostgreSQL. */
    public static boolean computed(GoldTable table) {
        return table.entitySet().equals(RANGE_PAIRS.entitySet());
    }

    private static GoldTable rangePairs() {
        List<GoldColumn> columns = new ArrayList<>(List.of(stored("dataset", TEXT), stored("first_date", DATE),
                stored("last_date", DATE), stored("days", INT32)));
        columns.addAll(counts());
        V3_MEASURES.forEach(name -> columns.add(stored(name, INT64)));
        return new GoldTable("RangePairs", "range-pairs", "(computed: RangeIndex)",
                List.of("dataset", "first_date", "last_date"), columns, Optional.empty());
    }

    /** The table served as OData entity set {@code name}. */
    public static Optional<GoldTable> byEntitySet(String name) {
        return ENTITY_SETS.stream().filter(t -> t.entitySet().equals(name)).findFirst();
    }

    /** The table exported as {@code /export/{name}.*}. */
    public static Optional<GoldTable> byExportName(String name) {
        return TABLES.stream().filter(t -> t.exportName().equals(name)).findFirst();
    }

    /** The export names, for messages. */
    public static String exportNames() {
        return TABLES.stream().map(GoldTable::exportName).collect(Collectors.joining(", "));
    }

    /**
     * A day, month or dataset grain: its key, the columns between key and measures, every measure of gold v3
     * (nullable on {@code daily_kpi}, which predates them), {@code built_at}, then the ratios.
     */
    private static GoldTable table(String entitySet, String exportName, String relation, List<GoldColumn> key,
                                   List<GoldColumn> extra, boolean v3NotNull, String periodColumn) {
        List<GoldColumn> measures = new ArrayList<>(counts());
        V3_MEASURES.forEach(name -> measures.add(new GoldColumn(name, INT64, name, !v3NotNull)));
        measures.add(new GoldColumn("built_at", TIMESTAMP, "built_at", !v3NotNull));
        return assemble(entitySet, exportName, relation, key, extra, measures, periodColumn);
    }

    /** A breakdown of the day by a dimension member. */
    private static GoldTable breakdown(String entitySet, String exportName, String relation, GoldColumn member) {
        List<GoldColumn> measures = new ArrayList<>(counts());
        BREAKDOWN_SESSIONS.forEach(name -> measures.add(stored(name, INT64)));
        return assemble(entitySet, exportName, relation, List.of(stored("dataset", TEXT), stored("event_date", DATE), member),
                List.of(), measures, "event_date");
    }

    /** events..purchases, revenue, users, sessions. */
    private static List<GoldColumn> counts() {
        return Stream.of(EVENT_COUNTS.stream().map(name -> stored(name, INT64)),
                        Stream.of(stored("revenue", MONEY), stored("users", INT64), stored("sessions", INT64)))
                .flatMap(s -> s)
                .toList();
    }

    private static GoldTable assemble(String entitySet, String exportName, String relation, List<GoldColumn> key,
                                      List<GoldColumn> extra, List<GoldColumn> measures, String periodColumn) {
        List<GoldColumn> columns = new ArrayList<>(key);
        columns.addAll(extra);
        columns.addAll(measures);
        Set<String> measureNames = measures.stream().map(GoldColumn::name).collect(Collectors.toSet());
        Ratios.computableFrom(measureNames).forEach(ratio -> columns.add(ratio.column()));
        return new GoldTable(entitySet, exportName, relation, key.stream().map(GoldColumn::name).toList(), columns,
                Optional.ofNullable(periodColumn));
    }
}
