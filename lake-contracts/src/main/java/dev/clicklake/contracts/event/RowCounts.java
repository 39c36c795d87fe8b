package dev.clicklake.contracts.event;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where every input row of a split went: {@code rowsIn = written + duplicates + quarantined}.
 *
 * @param quarantinedByRule rejected rows per failed rule, sorted by rule name
 */
public record RowCounts(long rowsIn, long written, long duplicates, long quarantined, Map<String, Long> quarantinedByRule) {

    public RowCounts {
        quarantinedByRule = java.util.Collections.unmodifiableMap(new TreeMap<>(quarantinedByRule));
        long byRule = quarantinedByRule.values().stream().mapToLong(Long::longValue).sum();
        if (byRule != quarantined) {
            throw new IllegalArgumentException("quarantined " + quarantined + " but the rules add up to " + byRule);
        }
        if (rowsIn != written + duplicates + quarantined) {
            throw new IllegalArgumentException("rows in " + rowsIn + " != written " + written + " + duplicates "
                    + duplicates + " + quarantined " + quarantined);
        }
    }
}
