package dev.clicklake.enrich.quarantine;

import dev.clicklake.contracts.storage.LakeLocation;

/** What every quarantine record of one split shares: where the rows came from and who rejected them. */
public record QuarantineSource(String ingestionId, String dataset, LakeLocation bronzeFile, String service, String serviceVersion) {
}
