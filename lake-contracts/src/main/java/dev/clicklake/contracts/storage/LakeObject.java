package dev.clicklake.contracts.storage;

import java.time.Instant;

/** A committed object in the lake. */
public record LakeObject(LakeLocation location, long size, Instant lastModified) {
}
