package dev.clicklake.enrich.dedupe;

import dev.clicklake.enrich.pipeline.EventKeySet;
import java.io.IOException;
import java.io.InputStream;

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

    ClaimScan(Claimant self, EventKeySet splitKeys) {
        this.self = self.toString();
        this.splitKeys = splitKeys;
    }

    /** Reads the live claim {@code version}, the one after the last read or skipped. */
    void read(long version, InputStream claim) throws IOException {
        advanceTo(version);
        KeyClaimFile.read(claim, claimant -> {
            if (!claimant.equals(self)) {
                return key -> {
                    if (splitKeys.contains(key)) {
                        inOtherClaims.add(key);
                    }
                };
            }
            if (ownKeys == null) {
                ownKeys = new EventKeySet();
            }
            return ownKeys::add;
        });
    }

    /** Passes over the void claim {@code version}, the one after the last read or skipped. */
    void skipVoided(long version) throws IOException {
        advanceTo(version);
    }

    long lastVersion() {
        return lastVersion;
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
