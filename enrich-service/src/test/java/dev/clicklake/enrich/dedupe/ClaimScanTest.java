package dev.clicklake.enrich.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.enrich.pipeline.EventKeySet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading one date's claims, voids included, for one split; the keys are small numbers written out by hand. */
class ClaimScanTest {

    private static final Claimant SELF = new Claimant("0f8fad5b-d9cb-469f-a165-70867728950e", 2);
    private static final Claimant OTHER = new Claimant("7c9e6679-7425-40de-944b-e07fc1f90ae7", 0);
    private static final Claimant THIRD = new Claimant("16fd2706-8baf-433b-82eb-8c7fada847da", 1);

    @TempDir
    Path folder;

    private int files;

    @Test
    void theKeysOfLiveClaimsOfOtherSplitsAreClaimedElsewhere() throws IOException {
        ClaimScan scan = new ClaimScan(SELF, Keys.of(1, 2, 3, 4));

        scan.read(1, claim(OTHER, 2, 9));
        scan.read(2, claim(THIRD, 4));

        assertFalse(scan.ownClaimFound());
        assertEquals(Set.of(2L, 4L), Keys.numbers(scan.claimedElsewhere()));
        assertEquals(Set.of(1L, 3L), Keys.numbers(scan.unclaimed()));
        assertEquals(2, scan.lastVersion());
    }

    @Test
    void aVoidClaimOfAnotherSplitHoldsNoKey() throws IOException {
        ClaimScan scan = new ClaimScan(SELF, Keys.of(1, 2, 3, 4));

        scan.read(1, claim(OTHER, 2));
        scan.skipVoided(2); // THIRD had claimed 3 and 4
        scan.read(3, claim(THIRD, 5));

        assertEquals(Set.of(2L), Keys.numbers(scan.claimedElsewhere()));
        assertEquals(Set.of(1L, 3L, 4L), Keys.numbers(scan.unclaimed()));
        assertEquals(3, scan.lastVersion());
    }

    @Test
    void aSplitWhoseOwnClaimIsVoidClaimsAfreshWhatNoLiveClaimHolds() throws IOException {
        ClaimScan scan = new ClaimScan(SELF, Keys.of(1, 2, 3, 4));

        scan.skipVoided(1); // SELF had claimed 1, 2, 3 and 4, then was dead-lettered
        scan.read(2, claim(OTHER, 1, 3)); // the same events landed again, claimed after the void

        assertFalse(scan.ownClaimFound());
        assertEquals(Set.of(1L, 3L), Keys.numbers(scan.claimedElsewhere()));
        assertEquals(Set.of(2L, 4L), Keys.numbers(scan.unclaimed()));
    }

    @Test
    void aLiveOwnClaimSaysExactlyWhatTheSplitWritesWhateverClaimsCameOrWent() throws IOException {
        ClaimScan scan = new ClaimScan(SELF, Keys.of(1, 2, 3, 4));

        scan.skipVoided(1); // OTHER had claimed 1 and 2: SELF's claim below took 1, 2 and 4 afresh
        scan.read(2, claim(THIRD, 3));
        scan.read(3, claim(SELF, 1, 2, 4));

        assertTrue(scan.ownClaimFound());
        assertEquals(Set.of(3L), Keys.numbers(scan.claimedElsewhere()));
    }

    @Test
    void aKeyInNoLiveClaimIsStillWrittenElsewhereWhenTheOwnClaimLacksIt() throws IOException {
        // SELF claimed 1 while OTHER's claim on 2 was live; OTHER's claim was voided since: 2 belongs to nobody
        // now, but SELF wrote its file without it, and only a new split may take it
        ClaimScan scan = new ClaimScan(SELF, Keys.of(1, 2));

        scan.skipVoided(1);
        scan.read(2, claim(SELF, 1));

        assertEquals(Set.of(2L), Keys.numbers(scan.claimedElsewhere()));
    }

    @Test
    void refusesVersionsThatAreNotContiguous() throws IOException {
        ClaimScan scan = new ClaimScan(SELF, Keys.of(1));
        scan.read(1, claim(OTHER, 1));

        assertThrows(IOException.class, () -> scan.skipVoided(3));
        assertThrows(IOException.class, () -> scan.read(1, claim(OTHER, 1)));
    }

    @Test
    void aCompactionReadsAsItsClaimsWithTheVoidsOfThenAndOfNow() throws IOException {
        Path compaction = folder.resolve("4.compact");
        try (ClaimCompactionFile.Writer out = new ClaimCompactionFile.Writer(compaction, 4)) {
            out.add(1, false, KeyClaimFile.input(claim(OTHER, 1)));
            out.add(2, true, KeyClaimFile.input(claim(THIRD, 2))); // void when compacted
            out.add(3, false, KeyClaimFile.input(claim(THIRD, 3))); // void since
            out.add(4, false, KeyClaimFile.input(claim(SELF, 4, 5)));
        }
        ClaimScan scan = new ClaimScan(SELF, Keys.of(1, 2, 3, 4, 5, 6));

        try (InputStream in = Files.newInputStream(compaction)) {
            scan.readCompaction(in, 4, version -> version == 3);
        }
        scan.read(5, claim(OTHER, 6));

        assertTrue(scan.ownClaimFound());
        assertEquals(4, scan.ownVersion());
        assertEquals(5, scan.lastVersion());
        assertEquals(Set.of(1L, 2L, 3L, 6L), Keys.numbers(scan.claimedElsewhere()));
    }

    @Test
    void withoutItsOwnClaimACompactionLeavesTheKeysOfLiveOtherClaimsOnly() throws IOException {
        Path compaction = folder.resolve("3.compact");
        try (ClaimCompactionFile.Writer out = new ClaimCompactionFile.Writer(compaction, 3)) {
            out.add(1, false, KeyClaimFile.input(claim(OTHER, 1, 2)));
            out.add(2, true, KeyClaimFile.input(claim(THIRD, 3)));
            out.add(3, false, KeyClaimFile.input(claim(THIRD, 4)));
        }
        ClaimScan scan = new ClaimScan(SELF, Keys.of(1, 3, 4, 5));

        try (InputStream in = Files.newInputStream(compaction)) {
            scan.readCompaction(in, 3, version -> version == 3);
        }

        assertFalse(scan.ownClaimFound());
        assertEquals(Set.of(1L), Keys.numbers(scan.claimedElsewhere()));
        assertEquals(Set.of(3L, 4L, 5L), Keys.numbers(scan.unclaimed()));
        assertEquals(3, scan.lastVersion());
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** A claim file of {@code claimant} holding the keys (n, -n). */
    private InputStream claim(Claimant claimant, long... numbers) throws IOException {
        Path file = folder.resolve("claim-" + files++ + ".keys");
        KeyClaimFile.write(file, claimant.toString(), Keys.of(numbers));
        return Files.newInputStream(file);
    }
}
