package dev.clicklake.enrich.dedupe;

import dev.clicklake.enrich.dedupe.ClaimListing.ListedClaim;
import dev.clicklake.enrich.dedupe.ClaimListing.ListedCompaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Writes compaction v of one event date ({@link ClaimCompactionFile}): the sections of the latest compaction
 * below v, if any, then the claims after it up to v, each copied straight from its input to a local file
 * (never the date's keys in memory), then uploaded put-if-absent. A claim void now, or void in that earlier
 * compaction, gets a section without keys. Nothing is deleted or rewritten: the claims stay, and a compaction
 * that already exists is kept (another one differs at most by voids it did not see, which readers check
 * again).
 */
final class ClaimCompactor {

    private final ClaimStore store;

    ClaimCompactor(ClaimStore store) {
        this.store = store;
    }

    /**
     * Compacts the claims 1..{@code version} on {@code eventDate}, all of them in the lake by now.
     *
     * @param work a local folder for the compaction before its upload
     */
    void compact(String dataset, LocalDate eventDate, long version, Path work) throws IOException {
        ClaimListing listing = store.claims(dataset, eventDate);
        Path file = work.resolve("compaction-" + eventDate + ClaimLayout.COMPACTION_SUFFIX);
        try {
            write(listing, version, file);
            try (InputStream in = Files.newInputStream(file)) {
                store.createIfAbsent(ClaimLayout.datePrefix(dataset, eventDate) + ClaimLayout.compactionName(version), in);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void write(ClaimListing listing, long version, Path file) throws IOException {
        Optional<ListedCompaction> earlier = listing.lastCompaction(version - 1);
        try (ClaimCompactionFile.Writer out = new ClaimCompactionFile.Writer(file, version)) {
            long after = 0;
            if (earlier.isPresent()) {
                try (InputStream in = store.open(earlier.get().path())) {
                    ClaimCompactionFile.read(in, earlier.get().version(), (claimVersion, voidedAtCompaction, claim) ->
                            out.add(claimVersion, voidedAtCompaction || listing.voided(claimVersion), claim));
                }
                after = earlier.get().version();
            }
            for (ListedClaim claim : listing.claims()) {
                if (claim.version() > after && claim.version() <= version) {
                    try (InputStream in = store.open(claim.path())) {
                        out.add(claim.version(), claim.voided(), KeyClaimFile.input(in));
                    }
                }
            }
        }
    }
}
