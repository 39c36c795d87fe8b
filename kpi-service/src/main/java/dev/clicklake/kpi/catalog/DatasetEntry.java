package dev.clicklake.kpi.catalog;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dataset of the catalog: its three layers and the ingestions that fed them (every ingestion listed reached gold,
 * so it fed all three).
 *
 * @param ingestionCount every ingestion recorded for the dataset
 * @param ingestions     the most recent of them, newest first (at most {@link DatasetCatalog#MAX_INGESTIONS})
 */
@Schema(description = "A dataset with its bronze, silver and gold layers and the ingestions that fed them")
public record DatasetEntry(
        @Schema(example = "rees46") String dataset,
        CatalogLayer bronze,
        CatalogLayer silver,
        CatalogLayer gold,
        long ingestionCount,
        List<CatalogIngestion> ingestions) {

    public DatasetEntry {
        ingestions = List.copyOf(ingestions);
    }
}
