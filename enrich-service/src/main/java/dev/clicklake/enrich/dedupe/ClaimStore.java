package dev.clicklake.enrich.dedupe;

import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.contracts.storage.ObjectAlreadyExistsException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

/** The dedupe state's objects in the silver container ({@link ClaimLayout}): the lake operations claims need. */
final class ClaimStore {

    private final LakeStorage lake;
    private final String container;

    ClaimStore(LakeStorage lake, String silverContainer) {
        this.lake = lake;
        this.container = silverContainer;
    }

    /** The claims and voids on one event date, as listed now. */
    ClaimListing claims(String dataset, LocalDate eventDate) throws IOException {
        return ClaimListing.of(paths(ClaimLayout.datePrefix(dataset, eventDate)));
    }

    /** The paths of every object under {@code prefix}, sorted. */
    List<String> paths(String prefix) throws IOException {
        List<LakeObject> objects = lake.list(LakeLocation.of(container, prefix));
        return objects.stream().map(object -> object.location().path()).toList();
    }

    InputStream open(String path) throws IOException {
        return lake.open(location(path));
    }

    /** The first {@code bytes} bytes of an object. */
    InputStream openHead(String path, int bytes) throws IOException {
        return lake.open(location(path), 0, bytes);
    }

    boolean exists(String path) throws IOException {
        return lake.stat(location(path)).isPresent();
    }

    /** Creates the object put-if-absent; false when one was already there (then it is left as it is). */
    boolean createIfAbsent(String path, InputStream content) throws IOException {
        try {
            lake.create(location(path), content);
            return true;
        } catch (ObjectAlreadyExistsException e) {
            return false;
        }
    }

    private LakeLocation location(String path) {
        return LakeLocation.of(container, path);
    }
}
