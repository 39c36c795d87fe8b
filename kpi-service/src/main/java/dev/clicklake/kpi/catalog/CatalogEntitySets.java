package dev.clicklake.kpi.catalog;

import static dev.clicklake.kpi.catalog.GoldColumn.optional;
import static dev.clicklake.kpi.catalog.GoldColumn.stored;
import static dev.clicklake.kpi.catalog.ValueType.DATE;
import static dev.clicklake.kpi.catalog.ValueType.INT32;
import static dev.clicklake.kpi.catalog.ValueType.INT64;
import static dev.clicklake.kpi.catalog.ValueType.TEXT;
import static dev.clicklake.kpi.catalog.ValueType.TIMESTAMP;

import java.util.List;
import java.util.Optional;

/**
 * The dataset catalog's figures as OData entity sets, read from the views of migration V14 over
 * {@code catalog_split} (the same views {@code GET /catalog/datasets} reads). Not gold tables: not exported, not
 * counted in the catalog's gold layer.
 */
public final class CatalogEntitySets {

    /** Per dataset, the sums over the splits gold was built from. */
    public static final GoldTable DATASETS = new GoldTable("CatalogDatasets", "catalog-datasets", "catalog_dataset",
            List.of("dataset"),
            List.of(stored("dataset", TEXT), stored("splits", INT64), stored("ingestions", INT64),
                    stored("bronze_rows", INT64), stored("silver_rows", INT64), stored("duplicates", INT64),
                    stored("quarantined", INT64), stored("silver_files", INT64), stored("silver_bytes", INT64),
                    stored("quarantine_bytes", INT64), optional("first_day", DATE), optional("last_day", DATE),
                    stored("last_update", TIMESTAMP), stored("bronze_files", INT64), optional("bronze_bytes", INT64),
                    optional("bronze_file_rows", INT64)),
            Optional.empty());

    /** Per ingestion that fed a dataset. */
    public static final GoldTable INGESTIONS = new GoldTable("CatalogIngestions", "catalog-ingestions",
            "catalog_ingestion", List.of("dataset", "ingestion_id"),
            List.of(stored("dataset", TEXT), stored("ingestion_id", TEXT), stored("bronze_file", TEXT),
                    optional("bronze_bytes", INT64), optional("source_name", TEXT), optional("source_uri", TEXT),
                    stored("splits", INT32), stored("splits_built", INT32), stored("rows_in", INT64),
                    stored("written", INT64), stored("duplicates", INT64), stored("quarantined", INT64),
                    optional("first_day", DATE), optional("last_day", DATE), stored("first_built", TIMESTAMP),
                    stored("last_built", TIMESTAMP)),
            Optional.empty());

    /** Per dataset and failed rule, the rows rejected on the way from bronze to silver. */
    public static final GoldTable QUARANTINE = new GoldTable("CatalogQuarantine", "catalog-quarantine",
            "catalog_quarantine", List.of("dataset", "rule"),
            List.of(stored("dataset", TEXT), stored("rule", TEXT), stored("quarantined", INT64)), Optional.empty());

    public static final List<GoldTable> ALL = List.of(DATASETS, INGESTIONS, QUARANTINE);

    private CatalogEntitySets() {
    }
}
