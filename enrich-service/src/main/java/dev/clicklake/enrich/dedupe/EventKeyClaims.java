package dev.clicklake.enrich.dedupe;

import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.enrich.pipeline.EventKeySet;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which events of a split are new to silver, so that each event is written by exactly one split.
 *
 * <p>The claims on one (dataset, event_date) are a numbered sequence of immutable objects in the silver
 * container ({@link ClaimLayout}, {@link KeyClaimFile}), each holding the keys one split claimed. A split
 * reads versions 1..n, claims its keys that no live claim holds by creating version n+1 put-if-absent, and on
 * losing that race to another split reads the newcomer and tries the next version (optimistic concurrency:
 * any number of replicas, no lock). A claim with a void beside it ({@link ClaimVoids}: its split was
 * dead-lettered before writing those events) is skipped, its keys free for whichever split claims them next,
 * the voided split included. A split that finds a live claim of its own (a redelivery, a retry after a crash,
 * or a replica racing itself) keeps it as it is, so a split's silver output is the same however often it is
 * processed. Before its first claim, a split records the dates it claims ({@link ClaimedDatesFile}), so that
 * its claims can be voided without its bronze. Memory: the split's own keys, twice at most; the claims are
 * streamed.
 */
@ApplicationScoped
public class EventKeyClaims {

    private final ClaimStore store;

    public EventKeyClaims(LakeStorage lake, LakeConfig lakeConfig) {
        this.store = new ClaimStore(lake, lakeConfig.containers().silver());
    }

    /**
     * Claims for {@code claimant} (a split), date by date, the keys of {@code splitKeys} that no live claim of
     * another split holds (an empty claim when there are none, so that every processed split leaves one on
     * each of its dates), and returns the others: the split's events written by another split.
     *
     * @param splitKeys the split's distinct keys by event date
     * @param work a local folder for claim files before their upload
     */
    public KeyClaim claim(String dataset, Claimant claimant, Map<LocalDate, EventKeySet> splitKeys, Path work)
            throws IOException {
        recordDates(dataset, claimant, splitKeys.keySet());
        EventKeySet claimedElsewhere = new EventKeySet();
        boolean createdNow = false;
        Map<LocalDate, Long> versions = new TreeMap<>();
        for (Map.Entry<LocalDate, EventKeySet> date : splitKeys.entrySet()) {
            KeyClaim claim = claimDate(dataset, date.getKey(), claimant, date.getValue(), work);
            claim.claimedElsewhere().forEach(claimedElsewhere::add);
            createdNow |= claim.createdNow();
            versions.putAll(claim.versions());
        }
        return new KeyClaim(claimedElsewhere, createdNow, versions);
    }

    /**
     * The dates of {@code dates} (each one a date the split claimed) whose claim, of the versions the split holds
     * ({@link KeyClaim#versions}), is void now: another processing of the same split voided it while this one
     * was writing ({@link ClaimVoids}).
     */
    public List<LocalDate> voidedSince(String dataset, Map<LocalDate, Long> versions, Iterable<LocalDate> dates)
            throws IOException {
        List<LocalDate> voided = new ArrayList<>();
        for (LocalDate date : dates) {
            if (store.exists(ClaimLayout.datePrefix(dataset, date) + ClaimLayout.voidName(versions.get(date)))) {
                voided.add(date);
            }
        }
        return voided;
    }

    /** Put-if-absent: an earlier processing of the split with the same dates wrote the same object. */
    private void recordDates(String dataset, Claimant claimant, Set<LocalDate> dates) throws IOException {
        byte[] content = ClaimedDatesFile.content(dates);
        store.createIfAbsent(ClaimLayout.splitDatesPrefix(dataset, claimant) + ClaimedDatesFile.name(content),
                new ByteArrayInputStream(content));
    }

    private KeyClaim claimDate(String dataset, LocalDate eventDate, Claimant claimant, EventKeySet splitKeys, Path work)
            throws IOException {
        ClaimScan scan = new ClaimScan(claimant, splitKeys);
        while (true) {
            for (ClaimListing.ListedClaim listed : store.claims(dataset, eventDate).claims()) {
                if (listed.version() <= scan.lastVersion()) {
                    continue;
                }
                if (listed.voided()) {
                    scan.skipVoided(listed.version());
                } else {
                    try (InputStream in = store.open(listed.path())) {
                        scan.read(listed.version(), in);
                    }
                }
                if (scan.ownClaimFound()) { // later claims cannot change it
                    return new KeyClaim(scan.claimedElsewhere(), false, Map.of(eventDate, listed.version()));
                }
            }
            long version = scan.lastVersion() + 1;
            String next = ClaimLayout.datePrefix(dataset, eventDate) + ClaimLayout.claimName(version);
            Path file = work.resolve("claim-" + eventDate + ".keys");
            KeyClaimFile.write(file, claimant.toString(), scan.unclaimed());
            try (InputStream in = Files.newInputStream(file)) {
                if (store.createIfAbsent(next, in)) {
                    return new KeyClaim(scan.claimedElsewhere(), true, Map.of(eventDate, version));
                }
                // another split claimed that version first: read it, then try the next one
            } finally {
                Files.delete(file);
            }
        }
    }
}
