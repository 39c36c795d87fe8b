package dev.clicklake.enrich.storage;

import dev.clicklake.contracts.storage.LakeLocation;

/**
 * A lake object as committed for a split.
 *
 * @param sha256 lower-case hex SHA-256 of the object's bytes
 * @param alreadyThere true when an earlier delivery of the split had committed it
 */
public record CommittedObject(LakeLocation location, long bytes, String sha256, boolean alreadyThere) {
}
