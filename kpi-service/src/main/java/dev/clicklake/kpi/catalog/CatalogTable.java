package dev.clicklake.kpi.catalog;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A table of one layer of a dataset: where it lives, its columns and, when kpi-service knows them, its rows and bytes.
 *
 * @param location the lake folder ({@code container/path}) or the PostgreSQL relation
 * @param rows     rows of the dataset in it, or null when not known
 * @param bytes    bytes of the dataset in it, or null when not known
 */
@Schema(description = "A table of one layer of a dataset")
public record CatalogTable(
        @Schema(example = "events") String name,
        @Schema(example = "silver/rees46/events") String location,
        List<CatalogColumn> columns,
        @Schema(nullable = true) Long rows,
        @Schema(nullable = true) Long bytes) {

    public CatalogTable {
        columns = List.copyOf(columns);
    }
}
