package dev.clicklake.contracts.storage;

import java.io.IOException;

/** A put-if-absent write found an object already at its location; the existing object is unchanged. */
public class ObjectAlreadyExistsException extends IOException {

    private final LakeLocation location;

    public ObjectAlreadyExistsException(LakeLocation location) {
        super("an object already exists at " + location);
        this.location = location;
    }

    public LakeLocation location() {
        return location;
    }
}
