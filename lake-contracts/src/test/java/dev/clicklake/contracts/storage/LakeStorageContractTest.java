package dev.clicklake.contracts.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Every promise {@link LakeStorage} makes, checked against one implementation. A subclass supplies the
 * storage through {@link #createStorage()}; each test writes under its own random prefix of the
 * {@value #CONTAINER} container and deletes what it wrote afterwards.
 *
 * <p>Shipped in this module's test-jar, so any other implementation (or a service's wiring of one) can
 * extend it. Object sizes are a few MiB, with one of {@value #LARGE_OBJECT_SIZE} bytes: a storage that
 * writes in blocks should be configured with blocks of about 1 MiB so that objects span several of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
public abstract class LakeStorageContractTest {

    /** The container the tests write into; created if missing. */
    protected static final String CONTAINER = "contract-tests";
    /** Size of the largest object the tests write: 20 MiB. */
    protected static final int LARGE_OBJECT_SIZE = 20 * 1024 * 1024;

    private static final int MIB = 1024 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The storage under test. */
    protected LakeStorage storage;
    private LakeLocation prefix;
    private final ExecutorService writers = Executors.newCachedThreadPool();

    /**
     * Builds the storage under test; called before the first test of the class (and again before the next
     * one if it did not succeed). May abort with an assumption (the store is not configured here) or fail
     * (the store should be there but is not).
     */
    protected abstract LakeStorage createStorage() throws Exception;

    @AfterAll
    void stopWriters() {
        writers.shutdownNow();
    }

    /**
     * Builds the storage before the first test rather than in a {@code @BeforeAll}, so that a skip or a
     * failure there is reported, with its message, on every test.
     */
    @BeforeEach
    void prepareStorageAndPrefix() throws Exception {
        prefix = null;
        if (storage == null) {
            LakeStorage created = createStorage();
            created.ensureContainers(List.of(CONTAINER));
            storage = created;
        }
        prefix = LakeLocation.of(CONTAINER, "contract/" + UUID.randomUUID() + "/");
    }

    @AfterEach
    void deleteWhatTheTestWrote() throws IOException {
        if (prefix == null) {
            return; // the storage could not be prepared
        }
        for (LakeObject object : storage.list(prefix)) {
            storage.delete(object.location());
        }
    }

    /** The random prefix of the running test, ending with a slash; null if the storage could not be prepared. */
    protected LakeLocation testPrefix() {
        return prefix;
    }

    /** A location under the running test's prefix. */
    protected LakeLocation at(String relativePath) {
        return prefix.resolve(relativePath);
    }

    // --- create and read back ---

    @Test
    void anObjectReadsBackAsWritten() throws IOException {
        LakeLocation location = at("events/2024/part-0.csv");
        byte[] content = "user,page\n42,/cart\n".getBytes(StandardCharsets.UTF_8);

        LakeObject created = storage.create(location, new ByteArrayInputStream(content));

        assertEquals(location, created.location());
        assertEquals(content.length, created.size());
        assertArrayEquals(content, readAll(location));
        assertEquals(Optional.of(created), storage.stat(location));
    }

    @Test
    void aLargeObjectSpanningManyBlocksReadsBackAsWritten() throws IOException {
        LakeLocation location = at("large.bin");

        LakeObject created = storage.create(location, GeneratedContent.of(1, LARGE_OBJECT_SIZE));

        assertEquals(LARGE_OBJECT_SIZE, created.size());
        assertEquals(GeneratedContent.sha256(1, LARGE_OBJECT_SIZE), GeneratedContent.sha256(storage.open(location)));
    }

    @Test
    void anEmptyStreamCreatesAnEmptyObject() throws IOException {
        LakeLocation location = at("empty");

        LakeObject created = storage.create(location, InputStream.nullInputStream());

        assertEquals(0, created.size());
        assertEquals(Optional.of(created), storage.stat(location));
        assertArrayEquals(new byte[0], readAll(location));
        assertEquals(List.of(created), storage.list(testPrefix()));
    }

    @Test
    void createReadsTheStreamToItsEndButDoesNotCloseIt() throws IOException {
        boolean[] closed = {false};
        InputStream content = new ByteArrayInputStream(new byte[1000]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        storage.create(at("x"), content);

        assertEquals(-1, content.read());
        assertFalse(closed[0]);
    }

    @Test
    void theReportedTimestampIsTheStoresClockAroundTheWrite() throws IOException {
        Instant before = Instant.now().minus(Duration.ofMinutes(5));

        LakeObject created = storage.create(at("x"), new ByteArrayInputStream(new byte[3]));

        assertTrue(created.lastModified().isAfter(before), created::toString);
        assertTrue(created.lastModified().isBefore(Instant.now().plus(Duration.ofMinutes(5))), created::toString);
    }

    // --- atomicity ---

    @Test
    void nothingIsVisibleWhileAWriteIsInFlightNorAfterItFails() throws Exception {
        LakeLocation location = at("partial/object.bin");
        CountDownLatch midway = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IOException failure = new IOException("the source broke midway");
        GeneratedContent.Hook pauseThenFail = () -> {
            midway.countDown();
            awaitQuietly(release);
            throw failure;
        };
        Future<LakeObject> write = writers.submit(() ->
                storage.create(location, GeneratedContent.withHook(2, 6 * MIB, 3 * MIB + 5, pauseThenFail)));

        assertTrue(midway.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the writer never got midway");
        assertNothingAt(location);
        assertEquals(List.of(), storage.list(testPrefix()));
        release.countDown();

        ExecutionException thrown = assertThrows(ExecutionException.class, () -> write.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertSame(failure, thrown.getCause(), "create must rethrow the stream's own failure");
        assertNothingAt(location);
        assertEquals(List.of(), storage.list(testPrefix()));
        // the failed attempt leaves nothing behind that would block a new one
        storage.create(location, GeneratedContent.of(3, 2 * MIB));
        assertEquals(GeneratedContent.sha256(3, 2 * MIB), GeneratedContent.sha256(storage.open(location)));
    }

    // --- put-if-absent ---

    @Test
    void aSecondCreateAtTheSamePathFailsAndLeavesTheFirstObjectUntouched() throws IOException {
        LakeLocation location = at("once");
        LakeObject first = storage.create(location, GeneratedContent.of(4, 100));

        ObjectAlreadyExistsException thrown = assertThrows(ObjectAlreadyExistsException.class,
                () -> storage.create(location, GeneratedContent.of(5, 3 * MIB + 7)));

        assertEquals(location, thrown.location());
        assertEquals(Optional.of(first), storage.stat(location));
        assertEquals(GeneratedContent.sha256(4, 100), GeneratedContent.sha256(storage.open(location)));
    }

    @Test
    void aWriterWhoseTargetAppearsWhileItIsStillStreamingLoses() throws IOException {
        LakeLocation location = at("race/object.bin");
        GeneratedContent.Hook otherWriterFinishesFirst = () -> storage.create(location, GeneratedContent.of(6, 2 * MIB));

        assertThrows(ObjectAlreadyExistsException.class,
                () -> storage.create(location, GeneratedContent.withHook(7, 4 * MIB, 2 * MIB + 3, otherWriterFinishesFirst)));

        assertEquals(GeneratedContent.sha256(6, 2 * MIB), GeneratedContent.sha256(storage.open(location)));
        assertEquals(List.of(location), locations(storage.list(testPrefix())));
    }

    @Test
    void ofTwoConcurrentWritersOfOnePathExactlyOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            LakeLocation location = at("concurrent/" + round);
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<LakeObject>> attempts = new ArrayList<>();
            for (long seed : new long[] {10, 11}) {
                attempts.add(writers.submit(() -> {
                    start.await();
                    return storage.create(location, GeneratedContent.of(seed, 2 * MIB + seed));
                }));
            }

            List<Long> winners = new ArrayList<>();
            for (int i = 0; i < attempts.size(); i++) {
                try {
                    attempts.get(i).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                    winners.add(10L + i);
                } catch (ExecutionException e) {
                    assertInstanceOf(ObjectAlreadyExistsException.class, e.getCause(), "the loser's failure");
                }
            }

            assertEquals(1, winners.size(), "winners in round " + round);
            long seed = winners.get(0);
            assertEquals(GeneratedContent.sha256(seed, 2 * MIB + seed), GeneratedContent.sha256(storage.open(location)));
        }
    }

    // --- ranged reads ---

    @Test
    void rangedReadsReturnExactlyTheRequestedBytes() throws IOException {
        int size = 3 * MIB + 123;
        LakeLocation location = at("ranged.bin");
        storage.create(location, GeneratedContent.of(8, size));
        byte[] whole = readAll(location);
        assertEquals(size, whole.length);

        assertRange(whole, location, 0, 100);
        assertRange(whole, location, MIB - 10, MIB + 20);
        assertRange(whole, location, size - 50, 50);
        assertRange(whole, location, 17, 0);
    }

    @Test
    void aRangePastTheEndIsCutShort() throws IOException {
        LakeLocation location = at("short.bin");
        storage.create(location, new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.US_ASCII)));

        assertArrayEquals("789".getBytes(StandardCharsets.US_ASCII), readAll(storage.open(location, 7, 100)));
        assertArrayEquals("789".getBytes(StandardCharsets.US_ASCII), readAll(storage.open(location, 7, Long.MAX_VALUE)));
        assertArrayEquals(new byte[0], readAll(storage.open(location, 10, 5)));
        assertArrayEquals(new byte[0], readAll(storage.open(location, 1000, 5)));
    }

    @Test
    void aRangeOfAnEmptyObjectIsEmpty() throws IOException {
        LakeLocation location = at("empty");
        storage.create(location, InputStream.nullInputStream());

        assertArrayEquals(new byte[0], readAll(storage.open(location, 0, 10)));
        assertArrayEquals(new byte[0], readAll(storage.open(location, 3, 10)));
    }

    @Test
    void aNegativeRangeIsRejected() throws IOException {
        LakeLocation location = at("x");
        storage.create(location, new ByteArrayInputStream(new byte[10]));

        assertThrows(IllegalArgumentException.class, () -> storage.open(location, -1, 5));
        assertThrows(IllegalArgumentException.class, () -> storage.open(location, 0, -5));
    }

    // --- missing objects ---

    @Test
    void aMissingObjectHasNoStatAndCannotBeOpened() throws IOException {
        assertNothingAt(at("never/written"));
        assertThrows(NoSuchFileException.class, () -> storage.open(at("never/written"), 5, 10));
        assertThrows(NoSuchFileException.class, () -> storage.open(at("never/written"), 0, 0));
    }

    @Test
    void aMissingContainerReadsAsEmptyAndRefusesWrites() throws IOException {
        String container = "missing-" + UUID.randomUUID().toString().substring(0, 8);
        LakeLocation location = LakeLocation.of(container, "a/b");

        assertNothingAt(location);
        assertEquals(List.of(), storage.list(LakeLocation.of(container, "")));
        assertFalse(storage.delete(location));
        assertThrows(NoSuchFileException.class, () -> storage.create(location, new ByteArrayInputStream(new byte[1])));
        assertEquals(List.of(container), storage.missingContainers(List.of(CONTAINER, container)));
        assertEquals(List.of(), storage.missingContainers(List.of(CONTAINER)));
    }

    @Test
    void aPrefixIsNotAnObjectLocation() {
        assertThrows(IllegalArgumentException.class, () -> storage.create(at("dir/"), InputStream.nullInputStream()));
        assertThrows(IllegalArgumentException.class, () -> storage.stat(LakeLocation.of(CONTAINER, "")));
        assertThrows(IllegalArgumentException.class, () -> storage.open(at("dir/")));
        assertThrows(IllegalArgumentException.class, () -> storage.delete(at("dir/")));
    }

    // --- listing ---

    @Test
    void listingReturnsEveryObjectUnderThePrefixAtAnyDepthSortedByPath() throws IOException {
        List<String> written = List.of("p/b/1", "p/a/2/x", "p/ab", "p/a/1", "p/a-b", "q/a/1");
        for (String path : written) {
            storage.create(at(path), new ByteArrayInputStream(path.getBytes(StandardCharsets.UTF_8)));
        }

        assertEquals(List.of(at("p/a/1"), at("p/a/2/x")), locations(storage.list(at("p/a/"))));
        assertEquals(List.of(at("p/a-b"), at("p/a/1"), at("p/a/2/x"), at("p/ab")), locations(storage.list(at("p/a"))));
        assertEquals(List.of(at("p/a-b"), at("p/a/1"), at("p/a/2/x"), at("p/ab"), at("p/b/1"), at("q/a/1")),
                locations(storage.list(testPrefix())));
        assertEquals(List.of(), storage.list(at("p/c")));
        assertEquals(List.of(), storage.list(at("p/a/1/")));
    }

    @Test
    void listedObjectsCarryTheSameSizeAndTimestampAsStat() throws IOException {
        storage.create(at("a"), new ByteArrayInputStream(new byte[5]));
        storage.create(at("b/c"), new ByteArrayInputStream(new byte[7]));

        List<LakeObject> listed = storage.list(testPrefix());

        assertEquals(List.of(storage.stat(at("a")).orElseThrow(), storage.stat(at("b/c")).orElseThrow()), listed);
    }

    // --- delete ---

    @Test
    void deleteRemovesTheObjectAndReportsWhetherThereWasOne() throws IOException {
        LakeLocation location = at("doomed/object");
        storage.create(location, new ByteArrayInputStream(new byte[42]));

        assertTrue(storage.delete(location));

        assertNothingAt(location);
        assertEquals(List.of(), storage.list(testPrefix()));
        assertFalse(storage.delete(location));
        // the path is free again
        storage.create(location, new ByteArrayInputStream(new byte[1]));
        assertEquals(1, storage.stat(location).orElseThrow().size());
    }

    // --- containers and description ---

    @Test
    void ensuringContainersIsIdempotentAndKeepsTheirObjects() throws IOException {
        LakeLocation location = at("kept");
        storage.create(location, new ByteArrayInputStream(new byte[1]));

        storage.ensureContainers(List.of(CONTAINER, CONTAINER));

        assertTrue(storage.stat(location).isPresent());
        assertThrows(IllegalArgumentException.class, () -> storage.ensureContainers(List.of("Not_A_Container")));
    }

    @Test
    void theDescriptionIsShortAndNamesTheKindOfStore() {
        String description = storage.describe();

        assertTrue(description.startsWith("local:") || description.startsWith("adls:"), description);
    }

    private void assertNothingAt(LakeLocation location) throws IOException {
        assertEquals(Optional.empty(), storage.stat(location), "stat of " + location);
        assertThrows(NoSuchFileException.class, () -> storage.open(location), "open of " + location);
    }

    private void assertRange(byte[] whole, LakeLocation location, int offset, int length) throws IOException {
        byte[] expected = Arrays.copyOfRange(whole, offset, offset + length);
        assertArrayEquals(expected, readAll(storage.open(location, offset, length)), "range " + offset + "+" + length);
    }

    private byte[] readAll(LakeLocation location) throws IOException {
        return readAll(storage.open(location));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static List<LakeLocation> locations(List<LakeObject> objects) {
        return objects.stream().map(LakeObject::location).toList();
    }

    private static void awaitQuietly(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                fail("the test never released the paused writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while paused", e);
        }
    }
}
