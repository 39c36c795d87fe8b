package dev.clicklake.ingest.ledger;

import dev.clicklake.contracts.event.GoldReady;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.event.Split;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.ingest.landing.IngestionRequest;
import dev.clicklake.ingest.landing.LandingResult;
import dev.clicklake.ingest.source.SourceUnpacker;
import io.quarkus.panache.common.Sort;
import dev.clicklake.ingest.config.IngestConfig;
import dev.clicklake.ingest.deadletter.DeadLetterOutcome;
import dev.clicklake.ingest.deadletter.SplitDeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import dev.clicklake.ingest.messaging.Reannouncer;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every change to the ingestion ledger, each in its own transaction. */
@ApplicationScoped
public class IngestionLedger {

    private static final EnumSet<IngestionStatus> GONE = EnumSet.of(IngestionStatus.FAILED, IngestionStatus.REJECTED);

    private final Clock clock = Clock.systemUTC();

    @Inject
    Replica replica;

    @Inject
    IngestConfig config;

    /** A new RECEIVING ingestion, leased to this replica. */
    @Transactional
    public Ingestion startReceiving(IngestionRequest request) {
        Ingestion ingestion = new Ingestion();
        ingestion.id = UUID.randomUUID();
        ingestion.dataset = request.dataset();
        ingestion.status = IngestionStatus.RECEIVING;
        ingestion.sourceKind = request.sourceKind();
        ingestion.sourceName = request.sourceName();
        ingestion.sourceUri = request.sourceUri();
        ingestion.declaredColumns = request.declaredColumns().map(c -> String.join(",", c)).orElse(null);
        ingestion.createdAt = clock.instant();
        ingestion.updatedAt = ingestion.createdAt;
        ingestion.leaseOwner = replica.id();
        ingestion.leaseExpiresAt = ingestion.createdAt.plus(config.receivingLease());
        ingestion.persist();
        return ingestion;
    }

    /** The source's file name and location as they turned out to be once it was opened. */
    @Transactional
    public void describeSource(UUID id, String sourceName, String sourceUri) {
        Ingestion.update("sourceName = ?1, sourceUri = ?2, updatedAt = ?3 where id = ?4",
                sourceName, sourceUri, clock.instant(), id);
    }

    @Transactional
    public void progress(UUID id, long bytesReceived, Long totalBytes) {
        Ingestion.update("bytesReceived = ?1, totalBytes = coalesce(?2, totalBytes), updatedAt = ?3 where id = ?4",
                bytesReceived, totalBytes, clock.instant(), id);
    }

    /** The source is read again from its first byte: nothing received so far counts any more. */
    @Transactional
    public void restartReceiving(UUID id, String note) {
        Ingestion.update("bytesReceived = 0, reason = ?1, updatedAt = ?2 where id = ?3 and status = ?4",
                note, clock.instant(), id, IngestionStatus.RECEIVING);
    }

    @Transactional
    public Ingestion find(UUID id) {
        return Ingestion.findById(id);
    }

    @Transactional
    public Ingestion end(UUID id, IngestionStatus status, String reason) {
        Ingestion ingestion = Ingestion.findById(id);
        ingestion.leaseExpiresAt = null;
        ingestion.status = status;
        ingestion.reason = reason;
        ingestion.updatedAt = clock.instant();
        return ingestion;
    }

    /** The live ingestion of the same content in the same dataset, if one exists. */
    @Transactional
    public Optional<Ingestion> sameContent(String dataset, String sha256, UUID except) {
        return Ingestion.<Ingestion>find("dataset = ?1 and sha256 = ?2 and id <> ?3 and status not in ?4",
                dataset, sha256, except, GONE).firstResultOptional();
    }

    /**
     * Records the committed bronze object and its splits. Fails (unique index) when the same content
     * already landed in this dataset, and with {@link NoLongerReceivingException} when the ingestion is not
     * RECEIVING any more (its lease ran out and another replica failed it).
     */
    @Transactional
    public Ingestion markLanded(UUID id, LakeLocation bronze, LandingResult landed) {
        Ingestion ingestion = Ingestion.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (ingestion.status != IngestionStatus.RECEIVING) {
            throw new NoLongerReceivingException(ingestion);
        }
        Instant now = clock.instant();
        ingestion.status = IngestionStatus.LANDED;
        ingestion.reason = null;
        ingestion.bytesReceived = landed.bytes();
        ingestion.totalBytes = landed.bytes();
        ingestion.dataRows = landed.rows();
        ingestion.sha256 = landed.sha256();
        ingestion.bronzeContainer = bronze.container();
        ingestion.bronzePath = bronze.path();
        ingestion.hasHeader = landed.layout().header();
        ingestion.fileColumns = String.join(",", landed.layout().columns());
        ingestion.splitCount = landed.splits().size();
        ingestion.landedAt = now;
        ingestion.updatedAt = now;
        ingestion.leaseExpiresAt = null;
        // the receiver announces it next: claimed for that first send, which no re-announcing round doubles
        ingestion.announceClaimedUntil = now.plus(config.announce().claim());
        ingestion.announceAttempts = 1;
        for (Split split : landed.splits()) {
            IngestionSplit row = new IngestionSplit();
            row.key = new IngestionSplit.Key(id, split.index());
            row.byteOffset = split.offset();
            row.byteLength = split.length();
            row.firstLine = split.firstLine();
            row.dataRows = split.rows();
            row.persist();
        }
        Ingestion.flush();
        return ingestion;
    }

    /** Records the archive a file came out of, once the whole archive has been read. */
    @Transactional
    public Ingestion recordArchive(UUID id, SourceUnpacker.Archive archive) {
        Ingestion ingestion = Ingestion.findById(id);
        ingestion.archiveName = archive.name();
        ingestion.archiveBytes = archive.bytes();
        ingestion.archiveSha256 = archive.sha256();
        ingestion.updatedAt = clock.instant();
        return ingestion;
    }

    /** Removes an ingestion that turned out to repeat an earlier one's content. */
    @Transactional
    public void forget(UUID id) {
        Ingestion.deleteById(id);
    }

    /**
     * Heartbeat: extends the leases of the ingestions this replica's live receivers hold ({@code receiving});
     * answers how many. A row this replica owns but nobody works on any more is left to run out.
     */
    @Transactional
    public int renewLeases(Collection<UUID> receiving) {
        if (receiving.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        return Ingestion.update("leaseExpiresAt = ?1 where status = ?2 and leaseOwner = ?3 and id in ?4",
                now.plus(config.receivingLease()), IngestionStatus.RECEIVING, replica.id(), receiving);
    }

    /** Ends {@code id} FAILED with {@code reason} if it is still RECEIVING (a receiver that gave up midway). */
    @Transactional
    public boolean failIfReceiving(UUID id, String reason) {
        return Ingestion.update("status = ?1, reason = ?2, updatedAt = ?3, leaseExpiresAt = null where id = ?4 and status = ?5",
                IngestionStatus.FAILED, reason, clock.instant(), id, IngestionStatus.RECEIVING) > 0;
    }

    /**
     * Fails the RECEIVING ingestions whose lease has run out: the replica receiving them crashed, stopped,
     * or could not renew for a whole lease. Nothing of them is in bronze (an object becomes visible only
     * once complete, and a late commit is thrown away, see {@link #markLanded}); a new request can land the
     * source again.
     */
    @Transactional
    public List<Ingestion> failLostReceivers() {
        Instant now = clock.instant();
        List<Ingestion> lost = Ingestion.<Ingestion>find("status = ?1 and leaseExpiresAt < ?2", IngestionStatus.RECEIVING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Ingestion ingestion : lost) {
            ingestion.status = IngestionStatus.FAILED;
            ingestion.reason = "receiver lost: replica " + (ingestion.leaseOwner == null ? "unknown" : ingestion.leaseOwner)
                    + " stopped renewing its lease (clicklake.ingest.receiving-lease); nothing of it is in bronze";
            ingestion.updatedAt = now;
            ingestion.leaseExpiresAt = null;
        }
        return lost;
    }

    @Transactional
    public void markPublished(UUID id) {
        Ingestion.update("publishedAt = ?1, updatedAt = ?1, announceClaimedUntil = null, announceError = null where id = ?2",
                clock.instant(), id);
    }

    /**
     * The outbox: claims up to {@code max} LANDED, unannounced ingestions whose claim is free (never taken, run out,
     * or a failed send's backoff over), oldest first, for {@code clicklake.ingest.announce.claim}. Rows another
     * replica is claiming at the same moment are skipped, not waited for.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Ingestion> claimUnannounced(int max) {
        Instant now = clock.instant();
        List<UUID> claimed = Ingestion.getEntityManager().createNativeQuery(
                        "update ingestion set announce_claimed_until = ?1, announce_attempts = announce_attempts + 1 "
                                + "where id in (select id from ingestion where status = 'LANDED' and published_at is null "
                                + "and (announce_claimed_until is null or announce_claimed_until < ?2) "
                                + "order by landed_at limit ?3 for update skip locked) returning id", UUID.class)
                .setParameter(1, now.plus(config.announce().claim()))
                .setParameter(2, now)
                .setParameter(3, max)
                .getResultList();
        if (claimed.isEmpty()) {
            return List.of();
        }
        return Ingestion.list("id in ?1", Sort.by("landedAt"), claimed);
    }

    /** A send failed: the claim becomes the time of the next attempt, later after each further failure. */
    @Transactional
    public void announceFailed(UUID id, String error) {
        Ingestion ingestion = Ingestion.findById(id);
        if (ingestion == null || ingestion.publishedAt != null) {
            return;
        }
        Instant now = clock.instant();
        ingestion.announceClaimedUntil = now.plus(Reannouncer.backoff(ingestion.announceAttempts,
                config.announce().backoff(), config.announce().maxBackoff()));
        ingestion.announceError = error;
        ingestion.updatedAt = now;
    }

    @Transactional
    public List<IngestionSplit> splits(UUID id) {
        return IngestionSplit.list("key.ingestionId = ?1", Sort.by("key.splitIndex"), id);
    }

    /** Records silver's report for one split (idempotent) and moves the ingestion on when all splits are in. */
    @Transactional
    public void recordSilver(SilverReady ready) {
        IngestionSplit split = split(ready.ingestionId(), ready.split().index());
        if (split == null) {
            return;
        }
        split.rowsWritten = ready.counts().written();
        split.duplicates = ready.counts().duplicates();
        split.quarantined = ready.counts().quarantined();
        if (split.silverAt == null) {
            split.silverAt = clock.instant();
        }
        advance(split.key.ingestionId());
    }

    /** Records gold's report for one split (idempotent) and moves the ingestion on when all splits are in. */
    @Transactional
    public void recordGold(GoldReady ready) {
        IngestionSplit split = split(ready.ingestionId(), ready.split().index());
        if (split == null) {
            return;
        }
        if (split.goldAt == null) {
            split.goldAt = clock.instant();
        }
        advance(split.key.ingestionId());
    }

    /**
     * Records that a split's message was dead-lettered: the first dead letter of a split is kept on the split,
     * and fails its ingestion (unless it had already failed) with the reason, so that the same content may land
     * again. A dead letter for a split silver (or gold) already reported done, or for a split that already has
     * one, changes nothing; so does one for a split the ledger does not know.
     */
    @Transactional
    public DeadLetterOutcome recordDeadLetter(SplitDeadLetter dead) {
        Ingestion ingestion = Ingestion.findById(dead.split().ingestionId(), LockModeType.PESSIMISTIC_WRITE);
        IngestionSplit split = ingestion == null ? null
                : IngestionSplit.findById(new IngestionSplit.Key(ingestion.id, dead.split().index()));
        if (split == null) {
            return DeadLetterOutcome.UNKNOWN_SPLIT;
        }
        DeadLetterOutcome outcome = DeadLetterOutcome.decide(ingestion.status == IngestionStatus.FAILED,
                split.deadLetteredAt != null, dead.step().alreadyDone(split.silverAt != null, split.goldAt != null));
        Instant now = clock.instant();
        if (outcome.recordsSplit()) {
            split.deadLetterTopic = dead.topic();
            split.deadLetterPartition = dead.partition();
            split.deadLetterOffset = dead.offset();
            split.deadLetterReason = dead.reason();
            split.deadLetteredAt = now;
            ingestion.updatedAt = now;
        }
        if (outcome == DeadLetterOutcome.INGESTION_FAILED) {
            ingestion.status = IngestionStatus.FAILED;
            ingestion.reason = dead.ingestionReason(ingestion.splitCount);
        }
        return outcome;
    }

    /** The split row, with its ingestion locked so silver and gold reports for it apply one at a time. */
    private IngestionSplit split(String ingestionId, int index) {
        UUID id = UUID.fromString(ingestionId);
        if (Ingestion.findById(id, LockModeType.PESSIMISTIC_WRITE) == null) {
            return null;
        }
        return IngestionSplit.findById(new IngestionSplit.Key(id, index));
    }

    private void advance(UUID id) {
        Ingestion ingestion = Ingestion.findById(id);
        IngestionSplit.flush();
        long silver = IngestionSplit.count("key.ingestionId = ?1 and silverAt is not null", id);
        long gold = IngestionSplit.count("key.ingestionId = ?1 and goldAt is not null", id);
        Instant now = clock.instant();
        if (silver == ingestion.splitCount && ingestion.silverReadyAt == null) {
            ingestion.silverReadyAt = now;
        }
        if (gold == ingestion.splitCount && ingestion.goldReadyAt == null) {
            ingestion.goldReadyAt = now;
        }
        IngestionStatus status = ingestion.goldReadyAt != null ? IngestionStatus.GOLD_READY
                : ingestion.silverReadyAt != null ? IngestionStatus.SILVER_READY : IngestionStatus.LANDED;
        // a FAILED ingestion (a split dead-lettered) stays failed: its content may have landed again meanwhile,
        // and the unique index allows one live ingestion per content
        if (status != ingestion.status && ingestion.status != IngestionStatus.FAILED) {
            ingestion.status = status;
        }
        ingestion.updatedAt = now;
    }
}
