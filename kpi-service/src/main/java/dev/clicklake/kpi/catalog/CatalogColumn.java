package dev.clicklake.kpi.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A column of a catalogued table.
 *
 * @param type        its type in SQL
 * @param logicalType what its values mean: the Parquet logical type (silver), the served kind of value (gold), or
 *                    the text CSV holds (bronze)
 */
@Schema(description = "A column of a catalogued table")
public record CatalogColumn(
        @Schema(example = "price") String name,
        @Schema(example = "decimal(12,2)") String type,
        @Schema(example = "DECIMAL(12,2)") String logicalType,
        boolean nullable) {
}
