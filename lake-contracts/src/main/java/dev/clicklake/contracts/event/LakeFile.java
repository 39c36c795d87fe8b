package dev.clicklake.contracts.event;

import dev.clicklake.contracts.storage.LakeLocation;

/** A committed lake object as a message names it: where it is, its size, SHA-256 and row count. */
public record LakeFile(String container, String path, long bytes, String sha256, long rows) {

    public LakeLocation location() {
        return LakeLocation.of(container, path);
    }
}
