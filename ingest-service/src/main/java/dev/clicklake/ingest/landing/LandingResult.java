package dev.clicklake.ingest.landing;

import dev.clicklake.contracts.event.Split;
import java.util.List;

/**
 * What landing learnt about a file while streaming it: its size and SHA-256, its column layout, how
 * many data rows it has, and how it is cut into splits.
 */
public record LandingResult(long bytes, String sha256, ColumnLayout layout, long rows, List<Split> splits) {

    public LandingResult {
        splits = List.copyOf(splits);
    }
}
