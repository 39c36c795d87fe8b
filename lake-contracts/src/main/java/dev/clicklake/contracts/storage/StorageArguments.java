package dev.clicklake.contracts.storage;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

/** Argument checks and the listing order that every {@link LakeStorage} implementation shares. */
final class StorageArguments {

    /** The order {@link LakeStorage#list} promises. */
    static final Comparator<LakeObject> BY_PATH = Comparator.comparing(object -> object.location().path());

    private StorageArguments() {
    }

    /** Returns {@code location} if it names an object rather than a prefix. */
    static LakeLocation objectLocation(LakeLocation location) {
        Objects.requireNonNull(location, "location");
        if (location.path().isEmpty() || location.path().endsWith("/")) {
            throw new IllegalArgumentException("not an object location: " + location);
        }
        return location;
    }

    static LakeLocation folderLocation(LakeLocation location) {
        Objects.requireNonNull(location, "location");
        if (location.path().isEmpty() || !location.path().endsWith("/")) {
            throw new IllegalArgumentException("not a folder location: " + location);
        }
        return location;
    }

    static void checkRange(long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative range: offset " + offset + ", length " + length);
        }
    }

    /** Returns {@code containers} after checking that each one is a valid container name. */
    static Collection<String> containerNames(Collection<String> containers) {
        containers.forEach(container -> LakeLocation.of(container, ""));
        return containers;
    }
}
