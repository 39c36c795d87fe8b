package dev.clicklake.enrich.dedupe;

import dev.clicklake.enrich.pipeline.EventKeySet;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongPredicate;

/**
 * What the claims on one event date, read in version order, say about one split's keys. A void claim's keys
 * count for nobody, not even for the split that made it: its events were never written. A live claim of
 * the split itself says exactly which of its events it writes; every other key of the split is then
 * written elsewhere, whatever claims came or went since.
 */
final class ClaimScan {

    private final String self;
    private final EventKeySet splitKeys;
    private final EventKeySet inOtherClaims = new EventKeySet();
    private EventKeySet ownKeys;
    private long lastVersion;
    private long ownVersion;

    ClaimScan(Claimant self, EventKeySet splitKeys) {
        this.self = self.toString();
        this.splitKeys = splitKeys;
    }

    /** Reads the live claim {@code version}, the one after the last read or skipped, from its object. */
    void read(long version, InputStream claim) throws IOException {
        read(version, KeyClaimFile.input(claim));
    }

    /**
     * Reads the live claim {@code version}, the one after the last read or skipped, from {@code claim}
     * positioned at it (its object, or its section of a compaction), and leaves {@code claim} just after it.
     * Only the first live claim of the split itself counts as its own (the next ones are passed over).
     */
    void read(long version, DataInputStream claim) throws IOException {
        advanceTo(version);
        KeyClaimFile.readFrom(claim, claimant -> {
            if (!claimant.equals(self)) {
                return key -> {
                    if (splitKeys.contains(key)) {
                        inOtherClaims.add(key);
                    }
                };
            }
            if (ownKeys != null) {
                return null;
            }
            ownKeys = new EventKeySet();
            ownVersion = version;
            return ownKeys::add;
        });
    }

    /**
     * Reads compaction {@code version} ({@link ClaimCompactionFile}), the claims 1..version, as if each claim
     * were read or skipped on its own: a section is skipped when its claim was void at compaction or is void
     * now ({@code voidedNow}), and read otherwise. Must come first.
     */
    void readCompaction(InputStream compaction, long version, LongPredicate voidedNow) throws IOException {
        ClaimCompactionFile.read(compaction, version, (claimVersion, voidedAtCompaction, claim) -> {
            if (voidedAtCompaction || voidedNow.test(claimVersion)) {
                skipVoided(claimVersion);
                KeyClaimFile.readFrom(claim, claimant -> null);
            } else {
                read(claimVersion, claim);
            }
        });
    }

    /** Passes over the void claim {@code version}, the one after the last read or skipped. */
    void skipVoided(long version) throws IOException {
        advanceTo(version);
    }

    long lastVersion() {
        return lastVersion;
    }

    /** The version of the split's own live claim, once {@link #ownClaimFound}. */
    long ownVersion() {
        return ownVersion;
    }

    /** Whether a live claim of the split itself was read. */
    boolean ownClaimFound() {
        return ownKeys != null;
    }

    /** The split's keys that another split writes: all but its own claim's, or those other live claims hold. */
    EventKeySet claimedElsewhere() {
        return ownClaimFound() ? splitKeys.without(ownKeys) : inOtherClaims;
    }

    /** The split's keys no live claim read so far holds: what a new claim of the split takes. */
    EventKeySet unclaimed() {
        return splitKeys.without(inOtherClaims);
    }

    private void advanceTo(long version) throws IOException {
        if (version != lastVersion + 1) {
            throw new IOException("claim versions are not contiguous: " + version + " after " + lastVersion);
        }
        lastVersion = version;
    }
}
