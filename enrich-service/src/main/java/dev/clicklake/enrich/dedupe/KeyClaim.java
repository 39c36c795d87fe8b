package dev.clicklake.enrich.dedupe;

import dev.clicklake.enrich.pipeline.EventKeySet;
import java.time.LocalDate;
import java.util.Map;

/**
 * The outcome of a split's claims (on one event date, or on all of its dates).
 *
 * @param claimedElsewhere the split's keys that other splits claimed: events already written by them
 * @param createdNow whether this processing created a claim (false when an earlier one of the split did)
 * @param versions the version of the split's live claim on each date
 */
public record KeyClaim(EventKeySet claimedElsewhere, boolean createdNow, Map<LocalDate, Long> versions) {

    public KeyClaim {
        versions = Map.copyOf(versions);
    }
}
