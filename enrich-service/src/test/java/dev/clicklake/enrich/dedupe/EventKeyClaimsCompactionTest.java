package dev.clicklake.enrich.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.contracts.storage.LocalLakeStorage;
import dev.clicklake.enrich.pipeline.EventKeySet;
import dev.clicklake.enrich.testing.CountingLake;
import dev.clicklake.enrich.testing.LocalEnricher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims with compaction every {@value #EVERY} claims, on a local-folder lake: the same outcome as without
 * compaction, voids and own claims included, with fewer objects opened.
 */
class EventKeyClaimsCompactionTest {

    private static final int EVERY = 3;
    private static final LocalDate OCT_1 = LocalDate.of(2019, 10, 1);
    private static final String FOLDER = "rees46/_event-keys/event_date=2019-10-01/";
    private static final String REASON = "the bronze object bronze:rees46/x.csv no longer exists";

    @TempDir
    Path root;

    private CountingLake lake;
    private EventKeyClaims claims;
    private ClaimVoids voids;
    private Path work;

    @BeforeEach
    void lake() throws IOException {
        lake = new CountingLake(lakeIn("lake"));
        claims = new EventKeyClaims(lake, LocalEnricher.lakeConfig(), EVERY);
        voids = new ClaimVoids(lake, LocalEnricher.lakeConfig());
        work = Files.createDirectories(root.resolve("work"));
    }

    @Test
    void tenSplitsClaimWhatTheyWouldWithoutCompaction() throws IOException {
        EventKeyClaims uncompacted = new EventKeyClaims(lakeIn("uncompacted"), LocalEnricher.lakeConfig(), Integer.MAX_VALUE);
        List<long[]> splits = randomSplits(10, new Random(7));
        Set<Long> claimedBefore = new TreeSet<>();
        List<Set<Long>> elsewhere = new ArrayList<>();

        for (int i = 0; i < splits.size(); i++) {
            Set<Long> keys = numbers(splits.get(i));
            Set<Long> expectedElsewhere = new TreeSet<>(keys);
            expectedElsewhere.retainAll(claimedBefore); // brute force: every earlier split's keys, all live
            Set<Long> expectedClaimed = new TreeSet<>(keys);
            expectedClaimed.removeAll(claimedBefore);

            KeyClaim compacted = claims.claim("rees46", split(i), Map.of(OCT_1, Keys.of(splits.get(i))), work);
            KeyClaim plain = uncompacted.claim("rees46", split(i), Map.of(OCT_1, Keys.of(splits.get(i))), work);

            assertTrue(compacted.createdNow());
            assertEquals(expectedElsewhere, Keys.numbers(compacted.claimedElsewhere()), "split " + i);
            assertEquals(Keys.numbers(plain.claimedElsewhere()), Keys.numbers(compacted.claimedElsewhere()));
            assertEquals(expectedClaimed, claimedIn(i + 1), "claim " + (i + 1));
            claimedBefore.addAll(keys);
            elsewhere.add(expectedElsewhere);
        }
        for (int i = 0; i < splits.size(); i++) {
            KeyClaim redelivered = claims.claim("rees46", split(i), Map.of(OCT_1, Keys.of(splits.get(i))), work);

            assertFalse(redelivered.createdNow());
            assertEquals(elsewhere.get(i), Keys.numbers(redelivered.claimedElsewhere()), "split " + i + " again");
            assertEquals(Map.of(OCT_1, i + 1L), redelivered.versions());
        }
        assertEquals(List.of("0000000003.compact", "0000000006.compact", "0000000009.compact"), compactions());
    }

    @Test
    void aClaimVoidedAfterTheCompactionThatHoldsItIsSkipped() throws IOException {
        claims.claim("rees46", split(0), Map.of(OCT_1, Keys.of(1, 2)), work);
        claims.claim("rees46", split(1), Map.of(OCT_1, Keys.of(3, 4)), work);
        claims.claim("rees46", split(2), Map.of(OCT_1, Keys.of(5)), work); // compaction 3, claim 2 live in it

        assertEquals(new VoidedClaims(List.of(OCT_1), List.of()), voids.voidUnwritten("rees46", split(1), REASON));
        KeyClaim fourth = claims.claim("rees46", split(3), Map.of(OCT_1, Keys.of(2, 3, 4, 6)), work);
        claims.claim("rees46", split(4), Map.of(OCT_1, Keys.of(7)), work);
        claims.claim("rees46", split(5), Map.of(OCT_1, Keys.of(8)), work); // compaction 6, claim 2 void in it
        KeyClaim seventh = claims.claim("rees46", split(6), Map.of(OCT_1, Keys.of(1, 3, 4, 8, 9)), work);
        KeyClaim voidedAgain = claims.claim("rees46", split(1), Map.of(OCT_1, Keys.of(3, 4, 10)), work);

        assertEquals(Set.of(2L), Keys.numbers(fourth.claimedElsewhere()));
        assertEquals(Set.of(3L, 4L, 6L), claimedIn(4));
        assertEquals(Set.of(1L, 3L, 4L, 8L), Keys.numbers(seventh.claimedElsewhere()));
        assertTrue(voidedAgain.createdNow());
        assertEquals(Set.of(3L, 4L), Keys.numbers(voidedAgain.claimedElsewhere()));
        assertEquals(List.of(false, true, false, false, false, false), voidedAtCompaction(6));
        assertEquals(List.of(false, false, false), voidedAtCompaction(3));
    }

    @Test
    void aSplitWhoseOwnClaimIsInACompactionWritesExactlyItsKeys() throws IOException {
        claims.claim("rees46", split(0), Map.of(OCT_1, Keys.of(1, 2, 3)), work);
        claims.claim("rees46", split(1), Map.of(OCT_1, Keys.of(2, 3, 4)), work);
        claims.claim("rees46", split(2), Map.of(OCT_1, Keys.of(4, 5)), work); // compaction 3
        lake.takeOpened();

        KeyClaim redelivered = claims.claim("rees46", split(1), Map.of(OCT_1, Keys.of(2, 3, 4)), work);

        assertFalse(redelivered.createdNow());
        assertEquals(Set.of(2L, 3L), Keys.numbers(redelivered.claimedElsewhere()));
        assertEquals(Map.of(OCT_1, 2L), redelivered.versions());
        assertEquals(1, lake.takeOpened()); // the compaction alone
        assertEquals(List.of("0000000001.keys", "0000000002.keys", "0000000003.compact", "0000000003.keys"), names());
    }

    @Test
    void aMissingCompactionChangesNothing() throws IOException {
        LakeStorage without = lakeIn("without");
        EventKeyClaims claimsWithout = new EventKeyClaims(without, LocalEnricher.lakeConfig(), EVERY);
        List<long[]> splits = randomSplits(8, new Random(11));
        for (int i = 0; i < splits.size(); i++) {
            for (EventKeyClaims each : List.of(claims, claimsWithout)) {
                each.claim("rees46", split(i), Map.of(OCT_1, Keys.of(splits.get(i))), work);
            }
            if (i == 4) { // after compaction 3, before compaction 6
                voids.voidUnwritten("rees46", split(1), REASON);
                new ClaimVoids(without, LocalEnricher.lakeConfig()).voidUnwritten("rees46", split(1), REASON);
            }
        }
        List<String> deleted = new ArrayList<>();
        for (LakeObject object : without.list(LakeLocation.of("silver", FOLDER))) {
            if (object.location().path().endsWith(ClaimLayout.COMPACTION_SUFFIX)) {
                without.delete(object.location());
                deleted.add(object.location().path());
            }
        }

        List<long[]> then = new ArrayList<>(splits); // redeliveries; split 1, voided, claims afresh
        then.add(new long[] {1, 2, 3, 50}); // a new split
        for (int i = 0; i < then.size(); i++) {
            KeyClaim with = claims.claim("rees46", split(i), Map.of(OCT_1, Keys.of(then.get(i))), work);
            KeyClaim withoutCompaction = claimsWithout.claim("rees46", split(i), Map.of(OCT_1, Keys.of(then.get(i))), work);

            assertEquals(Keys.numbers(withoutCompaction.claimedElsewhere()), Keys.numbers(with.claimedElsewhere()), "split " + i);
            assertEquals(withoutCompaction.createdNow(), with.createdNow());
            assertEquals(withoutCompaction.versions(), with.versions());
        }
        assertEquals(List.of(FOLDER + "0000000003.compact", FOLDER + "0000000006.compact"), deleted);
    }

    @Test
    void aReaderOpensAtMostCompactEveryPlusOneClaimObjectsPerDate() throws IOException {
        CountingLake plainLake = new CountingLake(lakeIn("uncompacted"));
        EventKeyClaims uncompacted = new EventKeyClaims(plainLake, LocalEnricher.lakeConfig(), Integer.MAX_VALUE);
        for (int i = 0; i < 20; i++) {
            claims.claim("rees46", split(i), Map.of(OCT_1, Keys.of(i, i + 1)), work);
            uncompacted.claim("rees46", split(i), Map.of(OCT_1, Keys.of(i, i + 1)), work);
        }
        lake.takeOpened();
        plainLake.takeOpened();

        for (int i = 0; i < 20; i++) {
            KeyClaim redelivered = claims.claim("rees46", split(i), Map.of(OCT_1, Keys.of(i, i + 1)), work);

            assertFalse(redelivered.createdNow());
            assertTrue(lake.takeOpened() <= EVERY + 1, "split " + i);
        }
        uncompacted.claim("rees46", split(19), Map.of(OCT_1, Keys.of(19, 20)), work);
        assertEquals(20, plainLake.takeOpened()); // without compaction, every claim
        claims.claim("rees46", split(20), Map.of(OCT_1, Keys.of(20, 21)), work);
        assertTrue(lake.takeOpened() <= 2 * (EVERY + 1)); // reading, then writing compaction 21
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private LakeStorage lakeIn(String folder) throws IOException {
        LakeStorage local = new LocalLakeStorage(root.resolve(folder));
        local.ensureContainers(List.of("bronze", "silver", "gold"));
        return local;
    }

    private static Claimant split(int index) {
        return new Claimant("0f8fad5b-d9cb-469f-a165-70867728950e", index);
    }

    /** {@code count} splits of 12 keys or fewer each, drawn from 1..40: they overlap. */
    private static List<long[]> randomSplits(int count, Random random) {
        List<long[]> splits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            splits.add(random.longs(12, 1, 41).toArray());
        }
        return splits;
    }

    private static Set<Long> numbers(long[] keys) {
        Set<Long> numbers = new TreeSet<>();
        for (long key : keys) {
            numbers.add(key);
        }
        return numbers;
    }

    /** The keys in claim {@code version} as it is in the lake. */
    private Set<Long> claimedIn(long version) throws IOException {
        EventKeySet keys = Keys.of();
        try (InputStream in = lake.open(LakeLocation.of("silver", FOLDER + ClaimLayout.claimName(version)))) {
            KeyClaimFile.read(in, claimant -> keys::add);
        }
        return Keys.numbers(keys);
    }

    /** Whether each section of compaction {@code version} says its claim was void when it was written. */
    private List<Boolean> voidedAtCompaction(long version) throws IOException {
        List<Boolean> voided = new ArrayList<>();
        try (InputStream in = lake.open(LakeLocation.of("silver", FOLDER + ClaimLayout.compactionName(version)))) {
            ClaimCompactionFile.read(in, version, (claimVersion, voidedThen, claim) -> {
                voided.add(voidedThen);
                KeyClaimFile.readFrom(claim, claimant -> null);
            });
        }
        return voided;
    }

    private List<String> compactions() throws IOException {
        return names().stream().filter(name -> name.endsWith(ClaimLayout.COMPACTION_SUFFIX)).toList();
    }

    private List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        for (LakeObject object : lake.list(LakeLocation.of("silver", FOLDER))) {
            String path = object.location().path();
            names.add(path.substring(path.lastIndexOf('/') + 1));
        }
        return names;
    }
}
