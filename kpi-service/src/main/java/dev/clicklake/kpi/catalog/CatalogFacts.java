package dev.clicklake.kpi.catalog;

import java.util.List;

/**
 * Everything PostgreSQL knows of one dataset for the catalog, read in one snapshot.
 *
 * @param recentIngestions the newest ingestions, at most {@link DatasetCatalog#MAX_INGESTIONS}
 */
public record CatalogFacts(String dataset, RecordedSplits splits, List<CatalogIngestion> recentIngestions,
        GoldFacts gold) {

    public CatalogFacts {
        recentIngestions = List.copyOf(recentIngestions);
    }

    /** Whether the catalog has anything of the dataset. */
    public boolean known() {
        return splits.splits() > 0 || gold.firstDay() != null;
    }
}
