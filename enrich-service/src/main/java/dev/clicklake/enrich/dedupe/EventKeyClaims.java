package dev.clicklake.enrich.dedupe;

import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.enrich.config.EnrichConfig;
import dev.clicklake.enrich.pipeline.EventKeySet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>So that a split does not open every claim of a date ever made, the split that creates a claim whose
 * version is a multiple of {@code compact-every} writes compaction v ({@link ClaimCompactor}): claims 1..v in
 * one object. A reader opens the latest compaction whose claims are all listed, section by section as if it
 * read each claim (voids listed now included), then the claims after it: at most about
 * {@code compact-every} + 1 objects per date.
 */
@ApplicationScoped
public class EventKeyClaims {

    private final ClaimStore store;
    private final ClaimCompactor compactor;
    private final int compactEvery;

    @Inject
    public EventKeyClaims(LakeStorage lake, LakeConfig lakeConfig, EnrichConfig config) {
        this(lake, lakeConfig, config.claims().compactEvery());
    }

    /** @param compactEvery the claim versions that are a multiple of it get a compaction */
    public EventKeyClaims(LakeStorage lake, LakeConfig lakeConfig, int compactEvery) {
        if (compactEvery < 1) {
            throw new IllegalArgumentException("compact-every must be at least 1, not " + compactEvery);
        }
        this.store = new ClaimStore(lake, lakeConfig.containers().silver());
        this.compactor = new ClaimCompactor(store);
        this.compactEvery = compactEvery;
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
            ClaimListing listing = store.claims(dataset, eventDate);
            if (scan.lastVersion() == 0) { // a split that lost a race reads only the claims that came since
                readLastCompaction(listing, scan);
            }
            for (ClaimListing.ListedClaim listed : listing.claims()) {
                if (scan.ownClaimFound()) { // later claims cannot change it
                    break;
                }
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
            }
            if (scan.ownClaimFound()) {
                return new KeyClaim(scan.claimedElsewhere(), false, Map.of(eventDate, scan.ownVersion()));
            }
            long version = scan.lastVersion() + 1;
            String next = ClaimLayout.datePrefix(dataset, eventDate) + ClaimLayout.claimName(version);
            Path file = work.resolve("claim-" + eventDate + ".keys");
            KeyClaimFile.write(file, claimant.toString(), scan.unclaimed());
            try (InputStream in = Files.newInputStream(file)) {
                if (store.createIfAbsent(next, in)) {
                    // Compacting before returning, with a lake fault thrown like any other: simpler than
                    // catching and logging, and safe: the split's retry finds its claim as its own (no new
                    // claim, so no compaction either) and the next multiple compacts; the claim is
                    // already made, so a failure here costs one retry, never a second claim.
                    if (version % compactEvery == 0) {
                        compactor.compact(dataset, eventDate, version, work);
                    }
                    return new KeyClaim(scan.claimedElsewhere(), true, Map.of(eventDate, version));
                }
                // another split claimed that version first: read it, then try the next one
            } finally {
                Files.delete(file);
            }
        }
    }

    /** Reads the latest compaction whose claims are all listed, if any: the claims it holds need no opening. */
    private void readLastCompaction(ClaimListing listing, ClaimScan scan) throws IOException {
        Optional<ClaimListing.ListedCompaction> compaction = listing.lastCompaction(listing.lastVersion());
        if (compaction.isPresent()) {
            try (InputStream in = store.open(compaction.get().path())) {
                scan.readCompaction(in, compaction.get().version(), listing::voided);
            }
        }
    }
}
