package dev.clicklake.contracts.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The few operations the services need from a data lake (ADLS Gen2, or a local folder).
 *
 * <p>Every object lives in one of the medallion containers ({@code bronze}, {@code silver}, {@code gold})
 * under a slash-separated path. Writes are atomic and put-if-absent: an object is either absent or
 * complete, and of two writers of the same path exactly one succeeds.
 *
 * <p>Containers are created up front with {@link #ensureContainers}; writing into a missing container
 * fails, while reading from one behaves as if it were empty. Locations passed to {@link #create},
 * {@link #open}, {@link #stat} and {@link #delete} must name an object: a non-empty path that does not end
 * with a slash. Every failure of the underlying store surfaces as an {@link IOException}. Implementations
 * are safe for concurrent use.
 *
 * <p>{@code LakeStorageContractTest} (in this module's test-jar) checks every promise made here.
 */
public interface LakeStorage {

    /**
     * Creates every container in {@code containers} that does not exist yet; existing ones are left as they
     * are. Meant for application startup.
     *
     * @throws IllegalArgumentException when a name is not a valid container name
     */
    void ensureContainers(Collection<String> containers) throws IOException;

    /**
     * The names in {@code containers} that do not exist, in the order given (empty when all do). Meant for
     * health checks: reading from a missing container looks like reading an empty one.
     *
     * @throws IllegalArgumentException when a name is not a valid container name
     */
    List<String> missingContainers(Collection<String> containers) throws IOException;

    /**
     * Streams {@code content} into a new object at {@code location}. Nothing is visible at that location
     * until the whole stream has been written; if the stream fails, the failure is rethrown and nothing
     * becomes visible. The stream is read to its end but not closed.
     *
     * @throws ObjectAlreadyExistsException when an object already exists there (put-if-absent); the
     *     existing object is left untouched
     * @throws java.nio.file.NoSuchFileException when the container does not exist
     */
    LakeObject create(LakeLocation location, InputStream content) throws IOException;

    /**
     * Opens the whole object for streaming reads.
     *
     * @throws java.nio.file.NoSuchFileException when there is no object at {@code location}
     */
    default InputStream open(LakeLocation location) throws IOException {
        return open(location, 0, Long.MAX_VALUE);
    }

    /**
     * Opens {@code length} bytes starting at byte {@code offset} for streaming reads. A range that reaches
     * past the end is cut short; one that starts at or past the end reads nothing.
     *
     * @throws java.nio.file.NoSuchFileException when there is no object at {@code location}
     * @throws IllegalArgumentException when {@code offset} or {@code length} is negative
     */
    InputStream open(LakeLocation location, long offset, long length) throws IOException;

    /** Size and timestamps of one object, or empty when it does not exist. */
    Optional<LakeObject> stat(LakeLocation location) throws IOException;

    /**
     * Every object whose path starts with {@code prefix.path()} in {@code prefix.container()}, at any
     * depth, sorted by path. The prefix is a plain string prefix: {@code "a/b"} matches {@code "a/b/c"} and
     * {@code "a/bc"}. Directory markers and objects still being written are never listed.
     */
    List<LakeObject> list(LakeLocation prefix) throws IOException;

    /** Deletes one object; returns false when there was none. */
    boolean delete(LakeLocation location) throws IOException;

    /**
     * Deletes the folder {@code folder} (a path ending with a slash) if nothing is in it: a directory of the local
     * lake, a directory (marker) of ADLS Gen2. Returns false when it holds anything or is not there. Meant for a
     * folder one writer owns (say an ingestion's own), after deleting what it wrote there: with a concurrent writer
     * into the same folder, that writer's create may fail.
     *
     * <p>The default, for stores without folders, deletes nothing.
     *
     * @throws IllegalArgumentException when {@code folder} does not end with a slash or is the container itself
     */
    default boolean deleteFolderIfEmpty(LakeLocation folder) throws IOException {
        StorageArguments.folderLocation(folder);
        return false;
    }

    /** A short description for logs and health checks, without secrets (e.g. "adls:account" or "local:/data"). */
    String describe();
}
