package dev.clicklake.enrich.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.contracts.layout.SilverLayout;
import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.contracts.storage.LocalLakeStorage;
import dev.clicklake.enrich.pipeline.EventKeySet;
import dev.clicklake.enrich.testing.LocalEnricher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims and their voids on a local-folder lake; the keys are small numbers written out by hand. */
class EventKeyClaimsTest {

    private static final LocalDate OCT_1 = LocalDate.of(2019, 10, 1);
    private static final LocalDate OCT_2 = LocalDate.of(2019, 10, 2);
    private static final Claimant FIRST = new Claimant("0f8fad5b-d9cb-469f-a165-70867728950e", 0);
    private static final Claimant AGAIN = new Claimant("7c9e6679-7425-40de-944b-e07fc1f90ae7", 3);
    private static final String REASON = "the bronze object bronze:rees46/x.csv no longer exists";

    @TempDir
    Path root;

    private LakeStorage lake;
    private EventKeyClaims claims;
    private ClaimVoids voids;
    private Path work;

    @BeforeEach
    void lake() throws IOException {
        lake = new LocalLakeStorage(root.resolve("lake"));
        lake.ensureContainers(List.of("bronze", "silver", "gold"));
        LakeConfig config = LocalEnricher.lakeConfig();
        claims = new EventKeyClaims(lake, config, 64);
        voids = new ClaimVoids(lake, config);
        work = Files.createDirectories(root.resolve("work"));
    }

    @Test
    void theEventsOfAVoidClaimGoToTheNextSplitThatCarriesThem() throws IOException {
        claims.claim("rees46", FIRST, Map.of(OCT_1, Keys.of(1, 2, 3)), work);

        VoidedClaims voided = voids.voidUnwritten("rees46", FIRST, REASON);
        KeyClaim again = claims.claim("rees46", AGAIN, Map.of(OCT_1, Keys.of(2, 3, 4)), work);

        assertEquals(new VoidedClaims(List.of(OCT_1), List.of()), voided);
        assertTrue(again.createdNow());
        assertEquals(Set.of(), Keys.numbers(again.claimedElsewhere()));
        assertEquals(List.of("0000000001.keys", "0000000001.void", "0000000002.keys"), names(OCT_1));
        assertTrue(text("rees46/_event-keys/event_date=2019-10-01/0000000001.void").contains(REASON));
    }

    @Test
    void aVoidedSplitProcessedAgainClaimsAfreshWhatNoLiveClaimHolds() throws IOException {
        claims.claim("rees46", FIRST, Map.of(OCT_1, Keys.of(1, 2, 3)), work);
        voids.voidUnwritten("rees46", FIRST, REASON);
        claims.claim("rees46", AGAIN, Map.of(OCT_1, Keys.of(2, 9)), work);

        KeyClaim first = claims.claim("rees46", FIRST, Map.of(OCT_1, Keys.of(1, 2, 3)), work);
        KeyClaim redelivered = claims.claim("rees46", FIRST, Map.of(OCT_1, Keys.of(1, 2, 3)), work);

        assertTrue(first.createdNow());
        assertEquals(Set.of(2L), Keys.numbers(first.claimedElsewhere()));
        assertFalse(redelivered.createdNow());
        assertEquals(Set.of(2L), Keys.numbers(redelivered.claimedElsewhere()));
        assertEquals(List.of("0000000001.keys", "0000000001.void", "0000000002.keys", "0000000003.keys"), names(OCT_1));
    }

    @Test
    void aDateWhoseEventsFileIsInSilverKeepsItsClaim() throws IOException {
        claims.claim("rees46", FIRST, Map.of(OCT_1, Keys.of(1, 2), OCT_2, Keys.of(5, 6)), work);
        lake.create(LakeLocation.of("silver", SilverLayout.eventsPath("rees46", OCT_1, FIRST.ingestionId(), FIRST.index())),
                new ByteArrayInputStream(new byte[] {1}));

        VoidedClaims voided = voids.voidUnwritten("rees46", FIRST, REASON);
        KeyClaim again = claims.claim("rees46", AGAIN, Map.of(OCT_1, Keys.of(1, 2), OCT_2, Keys.of(5, 6)), work);

        assertEquals(new VoidedClaims(List.of(OCT_2), List.of(OCT_1)), voided);
        assertEquals(Set.of(1L, 2L), Keys.numbers(again.claimedElsewhere()));
    }

    @Test
    void voidingIsIdempotentAndLeavesOtherSplitsAlone() throws IOException {
        claims.claim("rees46", AGAIN, Map.of(OCT_1, Keys.of(7)), work);
        claims.claim("rees46", FIRST, Map.of(OCT_1, Keys.of(1, 7)), work);

        voids.voidUnwritten("rees46", FIRST, REASON);
        VoidedClaims twice = voids.voidUnwritten("rees46", FIRST, REASON);
        KeyClaim third = claims.claim("rees46", new Claimant(AGAIN.ingestionId(), 4), Map.of(OCT_1, Keys.of(1, 7)), work);

        assertEquals(new VoidedClaims(List.of(), List.of()), twice);
        assertEquals(List.of("0000000001.keys", "0000000002.keys", "0000000002.void", "0000000003.keys"), names(OCT_1));
        assertEquals(Set.of(7L), Keys.numbers(third.claimedElsewhere()));
    }

    @Test
    void aSplitThatNeverClaimedHasNothingToVoid() throws IOException {
        assertEquals(new VoidedClaims(List.of(), List.of()), voids.voidUnwritten("rees46", FIRST, REASON));
        assertEquals(List.of(), lake.list(LakeLocation.of("silver", "rees46/")));
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private List<String> names(LocalDate date) throws IOException {
        List<String> names = new ArrayList<>();
        for (LakeObject object : lake.list(LakeLocation.of("silver", "rees46/_event-keys/event_date=" + date + "/"))) {
            String path = object.location().path();
            names.add(path.substring(path.lastIndexOf('/') + 1));
        }
        return names;
    }

    private String text(String path) throws IOException {
        try (InputStream in = lake.open(LakeLocation.of("silver", path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
