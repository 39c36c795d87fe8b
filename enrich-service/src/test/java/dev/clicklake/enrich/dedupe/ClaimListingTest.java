package dev.clicklake.enrich.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clicklake.enrich.dedupe.ClaimListing.ListedClaim;
import dev.clicklake.enrich.dedupe.ClaimListing.ListedCompaction;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimListingTest {

    private static final String FOLDER = "rees46/_event-keys/event_date=2019-10-01/";

    @Test
    void sortsClaimsByVersionAndMarksTheVoidOnes() throws IOException {
        ClaimListing listing = ClaimListing.of(List.of(FOLDER + "0000000002.void", FOLDER + "0000000003.keys",
                FOLDER + "0000000001.keys", FOLDER + "0000000002.keys", FOLDER + "0000000009.void"));

        assertEquals(List.of(new ListedClaim(1, FOLDER + "0000000001.keys", false),
                new ListedClaim(2, FOLDER + "0000000002.keys", true),
                new ListedClaim(3, FOLDER + "0000000003.keys", false)), listing.claims());
    }

    @Test
    void namesAClaimAndItsVoidByTheSameVersion() throws IOException {
        ClaimListing listing = ClaimListing.of(List.of(FOLDER + ClaimLayout.claimName(12), FOLDER + ClaimLayout.voidName(12)));

        assertEquals(List.of(new ListedClaim(12, FOLDER + "0000000012.keys", true)), listing.claims());
        assertEquals(FOLDER, ClaimLayout.datePrefix("rees46", LocalDate.of(2019, 10, 1)));
    }

    @Test
    void refusesAnythingElseInAClaimFolder() {
        assertThrows(IOException.class, () -> ClaimListing.of(List.of(FOLDER + "notes.txt")));
        assertThrows(IOException.class, () -> ClaimListing.of(List.of(FOLDER + "first.keys")));
        assertThrows(IOException.class, () -> ClaimListing.of(List.of(FOLDER + "all.compact")));
    }

    @Test
    void listsCompactionsInOrderBesideTheClaims() throws IOException {
        ClaimListing listing = ClaimListing.of(List.of(FOLDER + "0000000006.compact", FOLDER + "0000000001.keys",
                FOLDER + ClaimLayout.compactionName(3), FOLDER + "0000000002.keys", FOLDER + "0000000003.keys"));

        assertEquals(List.of(new ListedCompaction(3, FOLDER + "0000000003.compact"),
                new ListedCompaction(6, FOLDER + "0000000006.compact")), listing.compactions());
        assertEquals(3, listing.claims().size());
        assertEquals(3, listing.lastVersion());
    }

    @Test
    void theLastCompactionIsTheHighestThatHoldsNoClaimAboveTheLimit() throws IOException {
        ClaimListing listing = ClaimListing.of(List.of(FOLDER + "0000000003.compact", FOLDER + "0000000006.compact",
                FOLDER + "0000000009.compact"));

        assertEquals(Optional.empty(), listing.lastCompaction(2));
        assertEquals(3, listing.lastCompaction(5).orElseThrow().version());
        assertEquals(6, listing.lastCompaction(6).orElseThrow().version());
        assertEquals(9, listing.lastCompaction(100).orElseThrow().version());
        assertEquals(0, listing.lastVersion());
    }

    @Test
    void findsWhetherAClaimIsVoid() throws IOException {
        ClaimListing listing = ClaimListing.of(List.of(FOLDER + "0000000001.keys", FOLDER + "0000000002.keys",
                FOLDER + "0000000002.void", FOLDER + "0000000003.keys", FOLDER + "0000000005.keys",
                FOLDER + "0000000005.void", FOLDER + "0000000004.void"));

        assertEquals(List.of(false, true, false, false, true, false),
                List.of(listing.voided(1), listing.voided(2), listing.voided(3), listing.voided(4), listing.voided(5),
                        listing.voided(6)));
    }
}
