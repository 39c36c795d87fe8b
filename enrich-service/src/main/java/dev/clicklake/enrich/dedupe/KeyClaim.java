package dev.clicklake.enrich.dedupe;

import dev.clicklake.enrich.pipeline.EventKeySet;

/**
 * The outcome of a split's claim on one event date.
 *
 * @param claimedElsewhere the split's keys that other splits claimed: events already written by them
 * @param createdNow whether this processing created the claim (false when an earlier one of the split did)
 */
public record KeyClaim(EventKeySet claimedElsewhere, boolean createdNow) {
}
