package dev.clicklake.kpi.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.clicklake.contracts.clickstream.ClickstreamColumns;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@link DatasetCatalog} lays a dataset's recorded splits and gold out over the three layers. */
class DatasetCatalogTest {

    private static final DatasetCatalog CATALOG = new DatasetCatalog("bronze", "silver");
    private static final OffsetDateTime BUILT = OffsetDateTime.of(2026, 12, 8, 1, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void splitsFeedBronzeAndSilverAndGoldItsOwnTables() {
        CatalogQuality quality = new CatalogQuality(120, 100, 15, 5, Map.of("price.negative", 3L, "row.field_count", 2L), 700);
        RecordedSplits splits = new RecordedSplits(3, 2, quality, 4, 9_000, LocalDate.of(2019, 10, 1),
                LocalDate.of(2019, 10, 3), BUILT, 2, 50_000L, 120L);
        Map<String, Long> rows = new HashMap<>();
        long goldRows = 0;
        for (int i = 0; i < GoldCatalog.TABLES.size(); i++) {
            rows.put(GoldCatalog.TABLES.get(i).relation(), 10L + i);
            goldRows += 10L + i;
        }
        GoldFacts gold = new GoldFacts(LocalDate.of(2019, 10, 1), LocalDate.of(2019, 10, 3), BUILT.plusSeconds(5), rows);

        DatasetEntry entry = CATALOG.entry(new CatalogFacts("shop", splits, List.of(), gold));

        assertEquals(120L, entry.bronze().rows(), "the whole files' rows");
        assertEquals(50_000L, entry.bronze().bytes(), "the whole files' bytes");
        assertEquals(DatasetCatalog.BRONZE_NOT_KNOWN, entry.bronze().notKnown());
        assertEquals(ClickstreamColumns.NAMES, entry.bronze().tables().get(0).columns().stream().map(CatalogColumn::name).toList());
        assertEquals(100L, entry.silver().rows());
        assertEquals(9_700L, entry.silver().bytes(), "events and quarantine files");
        assertEquals(List.of("silver/shop/events", "silver/shop/quarantine"),
                entry.silver().tables().stream().map(CatalogTable::location).toList());
        assertEquals(quality, entry.silver().quality());
        assertEquals(LocalDate.of(2019, 10, 3), entry.silver().lastDay());
        assertEquals(BUILT, entry.silver().lastUpdate());
        assertEquals(GoldCatalog.TABLES.stream().map(GoldTable::relation).toList(),
                entry.gold().tables().stream().map(CatalogTable::location).toList());
        assertEquals(goldRows, entry.gold().rows());
        assertEquals(BUILT.plusSeconds(5), entry.gold().lastUpdate());
        assertEquals(2, entry.ingestionCount());
        CatalogColumn revenue = entry.gold().tables().get(0).columns().stream()
                .filter(column -> column.name().equals("revenue")).findFirst().orElseThrow();
        assertEquals(new CatalogColumn("revenue", "numeric(18,2)", "MONEY", false), revenue);
    }

    @Test
    void splitsOfSilverReady10LeaveBronzeBytesUnknownAndCountTheRowsRead() {
        CatalogQuality quality = new CatalogQuality(30, 30, 0, 0, Map.of(), 0);
        RecordedSplits splits = new RecordedSplits(1, 1, quality, 1, 900, LocalDate.of(2019, 10, 1),
                LocalDate.of(2019, 10, 1), BUILT, 1, null, null);

        DatasetEntry entry = CATALOG.entry(new CatalogFacts("v10", splits, List.of(), new GoldFacts(null, null, null, Map.of())));

        assertEquals(30L, entry.bronze().rows());
        assertNull(entry.bronze().bytes());
        assertEquals(DatasetCatalog.BRONZE_BYTES_NOT_KNOWN, entry.bronze().notKnown());
    }

    @Test
    void goldBuiltBeforeTheCatalogHasNoSplitFigures() {
        GoldFacts gold = new GoldFacts(LocalDate.of(2019, 10, 1), LocalDate.of(2019, 10, 1), BUILT, Map.of("daily_kpi", 1L));

        CatalogFacts facts = new CatalogFacts("old", RecordedSplits.NONE, List.of(), gold);
        DatasetEntry entry = CATALOG.entry(facts);

        assertEquals(true, facts.known());
        assertNull(entry.bronze().rows());
        assertNull(entry.silver().rows());
        assertNull(entry.silver().bytes());
        assertNull(entry.silver().quality());
        assertNull(entry.silver().firstDay());
        assertEquals(1L, entry.gold().rows());
        assertEquals(0, entry.ingestionCount());
    }

    @Test
    void aDatasetWithNeitherSplitsNorGoldIsUnknown() {
        assertEquals(false, new CatalogFacts("none", RecordedSplits.NONE, List.of(),
                new GoldFacts(null, null, null, Map.of())).known());
    }
}
