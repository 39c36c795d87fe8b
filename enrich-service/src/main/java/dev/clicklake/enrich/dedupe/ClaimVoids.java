package dev.clicklake.enrich.dedupe;

import dev.clicklake.contracts.layout.SilverLayout;
import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeStorage;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Frees the events a split claimed but will never write, before its message is dead-lettered: for each date
 * the split recorded ({@link ClaimedDatesFile}) and each live claim of the split on it, writes the claim's
 * void ({@link ClaimLayout#voidName}, put-if-absent, beside the claim) unless the split's events file of that
 * date is already in silver. Such a file stays, and so does its claim: kpi-service rebuilds a date from every
 * events file of the partition, announced or not, and Spark reads the partition the same way, so its events
 * are in silver and must not be claimed again. Idempotent: a void that exists is kept, a voided claim is not
 * looked at again.
 */
@ApplicationScoped
public class ClaimVoids {

    private final ClaimStore store;

    public ClaimVoids(LakeStorage lake, LakeConfig lakeConfig) {
        this.store = new ClaimStore(lake, lakeConfig.containers().silver());
    }

    /**
     * Voids the live claims of {@code claimant} whose events it has not written.
     *
     * @param reason why the split is dead-lettered, kept in the void for whoever reads it
     */
    public VoidedClaims voidUnwritten(String dataset, Claimant claimant, String reason) throws IOException {
        List<LocalDate> voided = new ArrayList<>();
        List<LocalDate> kept = new ArrayList<>();
        for (LocalDate date : recordedDates(dataset, claimant)) {
            for (ClaimListing.ListedClaim claim : store.claims(dataset, date).claims()) {
                if (claim.voided() || !isOwnedBy(claim, claimant)) {
                    continue;
                }
                if (store.exists(SilverLayout.eventsPath(dataset, date, claimant.ingestionId(), claimant.index()))) {
                    kept.add(date);
                } else {
                    byte[] content = ("void of claim " + claim.version() + " by " + claimant + ": " + reason + "\n")
                            .getBytes(StandardCharsets.UTF_8);
                    store.createIfAbsent(ClaimLayout.datePrefix(dataset, date) + ClaimLayout.voidName(claim.version()),
                            new ByteArrayInputStream(content));
                    voided.add(date);
                }
            }
        }
        return new VoidedClaims(voided, kept);
    }

    private SortedSet<LocalDate> recordedDates(String dataset, Claimant claimant) throws IOException {
        SortedSet<LocalDate> dates = new TreeSet<>();
        for (String path : store.paths(ClaimLayout.splitDatesPrefix(dataset, claimant))) {
            try (InputStream in = store.open(path)) {
                dates.addAll(ClaimedDatesFile.read(in));
            }
        }
        return dates;
    }

    private boolean isOwnedBy(ClaimListing.ListedClaim claim, Claimant claimant) throws IOException {
        try (InputStream in = store.openHead(claim.path(), KeyClaimFile.HEADER_BYTES)) {
            return KeyClaimFile.claimant(in).equals(claimant.toString());
        }
    }
}
