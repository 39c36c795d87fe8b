package dev.clicklake.contracts.event;

import dev.clicklake.contracts.storage.LakeLocation;

/**
 * One rejected input row, kept with why it was rejected (a line of a silver quarantine file).
 * See {@code contracts/quarantine-record.v1.schema.json}.
 */
public record QuarantineRecord(
        String ingestionId,
        String dataset,
        LakeLocation file,
        long line,
        String rule,
        String detail,
        String original,
        String service,
        String serviceVersion) {
}
