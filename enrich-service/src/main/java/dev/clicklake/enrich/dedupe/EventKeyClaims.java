package dev.clicklake.enrich.dedupe;

import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.contracts.storage.ObjectAlreadyExistsException;
import dev.clicklake.enrich.pipeline.EventKey;
import dev.clicklake.enrich.pipeline.EventKeySet;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Decides which events of a split are new to silver, so that each event is written by exactly one split.
 *
 * <p>The claims on one (dataset, event_date) are a numbered sequence of immutable objects in the silver
 * container, {@code <dataset>/_event-keys/event_date=<date>/<version>.keys} ({@link KeyClaimFile}), each
 * holding the keys one split claimed. A split reads versions 1..n, claims its keys that none of them holds by
 * creating version n+1 put-if-absent, and on losing that race to another split reads the newcomer and tries
 * the next version (optimistic concurrency: any number of replicas, no lock). A split that finds a claim of its
 * own (a redelivery, a retry after a crash, or a replica racing itself) keeps it as it is, so a split's silver
 * output is the same however often it is processed. Memory: the split's own keys; the claims are streamed.
 */
@ApplicationScoped
public class EventKeyClaims {

    private final LakeStorage lake;
    private final String silverContainer;

    public EventKeyClaims(LakeStorage lake, LakeConfig lakeConfig) {
        this.lake = lake;
        this.silverContainer = lakeConfig.containers().silver();
    }

    /**
     * Claims for {@code owner} (a split) the keys of {@code splitKeys} that no other split claimed on
     * {@code eventDate} (an empty claim when there are none, so that every processed split leaves one), and
     * returns the others: the split's events already written by another split.
     *
     * @param work a local folder for the claim file before its upload
     */
    public KeyClaim claim(String dataset, LocalDate eventDate, String owner, EventKeySet splitKeys, Path work)
            throws IOException {
        String prefix = dataset + "/_event-keys/event_date=" + eventDate + "/";
        ClaimScan scan = new ClaimScan(owner, splitKeys);
        while (true) {
            for (LakeObject object : lake.list(LakeLocation.of(silverContainer, prefix))) {
                long version = KeyClaimFile.version(object.location().path());
                if (version > scan.lastVersion()) {
                    try (InputStream in = lake.open(object.location())) {
                        scan.read(version, in);
                    }
                }
            }
            if (scan.ownClaimFound()) {
                return new KeyClaim(scan.claimedElsewhere(), false);
            }
            EventKeySet unclaimed = scan.unclaimed();
            LakeLocation next = LakeLocation.of(silverContainer, prefix + KeyClaimFile.name(scan.lastVersion() + 1));
            Path file = work.resolve("claim-" + eventDate + ".keys");
            KeyClaimFile.write(file, owner, unclaimed);
            try (InputStream in = Files.newInputStream(file)) {
                lake.create(next, in);
                return new KeyClaim(scan.claimedElsewhere(), true);
            } catch (ObjectAlreadyExistsException raced) {
                // another split claimed that version first: read it, then try the next one
            } finally {
                Files.delete(file);
            }
        }
    }

    /** What the claims read so far say about one split's keys. */
    private static final class ClaimScan {
        private final String owner;
        private final EventKeySet splitKeys;
        private final EventKeySet claimedElsewhere = new EventKeySet();
        private long lastVersion;
        private boolean ownClaimFound;

        ClaimScan(String owner, EventKeySet splitKeys) {
            this.owner = owner;
            this.splitKeys = splitKeys;
        }

        void read(long version, InputStream in) throws IOException {
            if (version != lastVersion + 1) {
                throw new IOException("claim versions are not contiguous: " + version + " after " + lastVersion);
            }
            String claimant = KeyClaimFile.read(in, owner, key -> {
                if (splitKeys.contains(key)) {
                    claimedElsewhere.add(key);
                }
            });
            ownClaimFound |= claimant.equals(owner);
            lastVersion = version;
        }

        long lastVersion() {
            return lastVersion;
        }

        boolean ownClaimFound() {
            return ownClaimFound;
        }

        EventKeySet claimedElsewhere() {
            return claimedElsewhere;
        }

        EventKeySet unclaimed() {
            EventKeySet unclaimed = new EventKeySet();
            splitKeys.forEach(key -> {
                if (!claimedElsewhere.contains(key)) {
                    unclaimed.add(key);
                }
            });
            return unclaimed;
        }
    }
}
