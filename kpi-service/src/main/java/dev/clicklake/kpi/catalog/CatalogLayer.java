package dev.clicklake.kpi.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What kpi-service knows of one layer (bronze, silver or gold) of a dataset.
 *
 * @param rows       rows of the dataset in the layer, or null when not known
 * @param bytes      bytes of the dataset in the layer, or null when not known
 * @param firstDay   its first event day (UTC), or null
 * @param lastDay    its last event day (UTC), or null
 * @param lastUpdate when kpi-service last learned of a change to it, or null
 * @param quality    where the rows read went (silver only), or null
 * @param notKnown   what kpi-service cannot tell of this layer, and why; null when it can tell everything above
 */
@Schema(description = "What kpi-service knows of one layer of a dataset")
public record CatalogLayer(
        @Schema(example = "silver") String layer,
        List<CatalogTable> tables,
        @Schema(nullable = true) Long rows,
        @Schema(nullable = true) Long bytes,
        @Schema(nullable = true) LocalDate firstDay,
        @Schema(nullable = true) LocalDate lastDay,
        @Schema(nullable = true) OffsetDateTime lastUpdate,
        @Schema(nullable = true) CatalogQuality quality,
        @Schema(nullable = true) String notKnown) {

    public CatalogLayer {
        tables = List.copyOf(tables);
    }
}
