package dev.clicklake.kpi.catalog;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the rows read from bronze went on their way to silver, summed over every split kpi-service built gold from:
 * {@code rowsIn = written + duplicates + quarantined}.
 *
 * @param quarantinedByRule rejected rows per failed rule, sorted by rule name
 * @param quarantineBytes   bytes of the quarantine files
 */
@Schema(description = "Where the rows read from bronze went: rowsIn = written + duplicates + quarantined")
public record CatalogQuality(long rowsIn, long written, long duplicates, long quarantined,
        Map<String, Long> quarantinedByRule, long quarantineBytes) {

    public CatalogQuality {
        quarantinedByRule = Map.copyOf(quarantinedByRule);
    }
}
