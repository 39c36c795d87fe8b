package dev.clicklake.kpi.catalog;

import dev.clicklake.contracts.clickstream.ClickstreamColumns;
import dev.clicklake.contracts.event.QuarantineRecord;
import dev.clicklake.contracts.layout.SilverLayout;
import dev.clicklake.contracts.layout.SilverSchema;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Describes a dataset's three layers from what PostgreSQL knows of it ({@link CatalogFacts}): the schemas come from
 * the contracts (bronze's CSV columns, silver-events/1, {@link GoldCatalog}), the figures from the splits gold was
 * built from and from gold itself. Pure: no I/O.
 */
public final class DatasetCatalog {

    /** Most ingestions an entry lists (the newest); {@link DatasetEntry#ingestionCount()} counts them all. */
    public static final int MAX_INGESTIONS = 100;

    static final String BRONZE_NOT_KNOWN = "event days and landing times: silver-ready does not carry them";
    static final String BRONZE_BYTES_NOT_KNOWN = BRONZE_NOT_KNOWN + "; bytes: a split came in a silver-ready 1.0,"
            + " which does not describe the bronze object (rows are then the data lines read from the splits built)";
    static final String SILVER_NOT_KNOWN = "silver of splits gold was not built from (yet): only the splits whose"
            + " silver-ready kpi-service built gold from are counted";
    static final String GOLD_NOT_KNOWN = "bytes: each gold table holds every dataset, PostgreSQL does not size one"
            + " dataset's rows";

    /** CSV columns that may be empty (see {@link ClickstreamColumns}). */
    private static final Set<String> OPTIONAL_CSV = Set.of(ClickstreamColumns.CATEGORY_CODE, ClickstreamColumns.BRAND,
            ClickstreamColumns.USER_SESSION);

    private static final List<CatalogColumn> BRONZE_COLUMNS = ClickstreamColumns.NAMES.stream()
            .map(name -> new CatalogColumn(name, "varchar", "CSV text", OPTIONAL_CSV.contains(name)))
            .toList();
    private static final List<CatalogColumn> SILVER_COLUMNS = SilverSchema.COLUMNS.stream()
            .map(column -> new CatalogColumn(column.name(), column.sqlType(), column.logicalType(), column.nullable()))
            .toList();
    private static final List<CatalogColumn> QUARANTINE_COLUMNS = Arrays.stream(QuarantineRecord.class.getRecordComponents())
            .map(component -> new CatalogColumn(component.getName(), "json", "quarantine-record v1 field", true))
            .toList();

    private final String bronzeContainer;
    private final String silverContainer;

    public DatasetCatalog(String bronzeContainer, String silverContainer) {
        this.bronzeContainer = bronzeContainer;
        this.silverContainer = silverContainer;
    }

    public DatasetEntry entry(CatalogFacts facts) {
        return new DatasetEntry(facts.dataset(), bronze(facts), silver(facts), gold(facts), facts.splits().ingestions(),
                facts.recentIngestions());
    }

    private CatalogLayer bronze(CatalogFacts facts) {
        RecordedSplits splits = facts.splits();
        Long rows = splits.bronzeRows() != null ? splits.bronzeRows() : recorded(splits, splits.quality().rowsIn());
        CatalogTable csv = new CatalogTable("csv", bronzeContainer + "/" + facts.dataset(), BRONZE_COLUMNS, rows,
                splits.bronzeBytes());
        return new CatalogLayer("bronze", List.of(csv), rows, splits.bronzeBytes(), null, null, null, null,
                splits.bronzeBytes() == null ? BRONZE_BYTES_NOT_KNOWN : BRONZE_NOT_KNOWN);
    }

    private CatalogLayer silver(CatalogFacts facts) {
        RecordedSplits splits = facts.splits();
        CatalogQuality quality = splits.quality();
        Long rows = recorded(splits, quality.written());
        CatalogTable events = new CatalogTable("events", silverContainer + "/" + SilverLayout.eventsTable(facts.dataset()),
                SILVER_COLUMNS, rows, recorded(splits, splits.silverBytes()));
        CatalogTable quarantine = new CatalogTable("quarantine",
                silverContainer + "/" + SilverLayout.quarantineFolder(facts.dataset()), QUARANTINE_COLUMNS,
                recorded(splits, quality.quarantined()), recorded(splits, quality.quarantineBytes()));
        return new CatalogLayer("silver", List.of(events, quarantine), rows,
                recorded(splits, splits.silverBytes() + quality.quarantineBytes()), splits.firstDay(), splits.lastDay(),
                splits.lastRecorded(), splits.splits() == 0 ? null : quality, SILVER_NOT_KNOWN);
    }

    private static CatalogLayer gold(CatalogFacts facts) {
        GoldFacts gold = facts.gold();
        List<CatalogTable> tables = GoldCatalog.TABLES.stream()
                .map(table -> new CatalogTable(table.entitySet(), table.relation(), goldColumns(table),
                        gold.rowsByRelation().get(table.relation()), null))
                .toList();
        Long rows = tables.stream().map(CatalogTable::rows).filter(Objects::nonNull).reduce(Long::sum).orElse(null);
        return new CatalogLayer("gold", tables, rows, null, gold.firstDay(), gold.lastDay(), gold.builtAt(), null,
                GOLD_NOT_KNOWN);
    }

    private static List<CatalogColumn> goldColumns(GoldTable table) {
        return table.columns().stream()
                .map(column -> new CatalogColumn(column.name(), column.type().sqlType(), column.type().name(),
                        column.nullable()))
                .toList();
    }

    private static Long recorded(RecordedSplits splits, long value) {
        return splits.splits() == 0 ? null : value;
    }
}
