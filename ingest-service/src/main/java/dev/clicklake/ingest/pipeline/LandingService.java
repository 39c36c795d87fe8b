package dev.clicklake.ingest.pipeline;

import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.ingest.config.IngestConfig;
import dev.clicklake.ingest.landing.BronzePaths;
import dev.clicklake.ingest.landing.IngestionRequest;
import dev.clicklake.ingest.landing.LandingResult;
import dev.clicklake.ingest.landing.LandingScanner;
import dev.clicklake.ingest.lineage.IngestLineage;
import dev.clicklake.ingest.ledger.Ingestion;
import dev.clicklake.ingest.ledger.IngestionLedger;
import dev.clicklake.ingest.ledger.IngestionStatus;
import dev.clicklake.ingest.ledger.NoLongerReceivingException;
import dev.clicklake.ingest.landing.RejectedSourceException;
import dev.clicklake.ingest.messaging.BronzeLandedPublisher;
import dev.clicklake.ingest.messaging.PendingAnnouncements;
import dev.clicklake.ingest.landing.InvalidRequestException;
import dev.clicklake.ingest.source.OpenedSource;
import dev.clicklake.ingest.source.RetryBudget;
import dev.clicklake.ingest.source.SourceRestartException;
import dev.clicklake.ingest.source.SourceOpener;
import dev.clicklake.ingest.source.SourceUnpacker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Lands one source in bronze: ledger row, streaming checked copy into the lake (visible only when
 * complete), content dedupe, ledger update, then the bronze-landed announcement.
 */
@ApplicationScoped
public class LandingService {

    private static final Logger LOG = Logger.getLogger(LandingService.class);
    private static final int READ_AHEAD_CHUNK = 256 * 1024; // under half a G1 region: no humongous objects

    @Inject
    IngestionLedger ledger;

    @Inject
    LakeStorage lake;

    @Inject
    LakeConfig lakeConfig;

    @Inject
    IngestConfig config;

    @Inject
    BronzeLandedPublisher publisher;

    @Inject
    PendingAnnouncements announcements;

    @Inject
    ActiveReceivers active;

    @Inject
    IngestionWorkers workers;

    @Inject
    IngestLineage lineage;

    /** What landing a source came to: the ingestion, and whether it is an earlier one with the same content. */
    public record Outcome(Ingestion ingestion, boolean alreadyIngested) {
    }

    /**
     * Receives a checked source on a worker thread; the caller has already answered with {@code first}.
     * Whatever happens, {@code first} ends LANDED, REJECTED or FAILED with the reason. A source that breaks
     * off where it cannot resume is read again from byte 0 into a new lake write (the partial one is
     * abandoned, so nothing of it is ever visible), within the source's retry budget.
     */
    public void landLater(Ingestion first, IngestionRequest request, SourceOpener opener) {
        active.hold(first.id);
        workers.submit(() -> {
            try {
                receive(first, request, opener);
            } finally {
                active.release(first.id);
            }
        });
    }

    private void receive(Ingestion first, IngestionRequest request, SourceOpener opener) {
        RetryBudget budget = new RetryBudget(config.url().retries(), config.url().retryBackoff());
        while (true) {
            try (OpenedSource source = opener.open(budget)) {
                ledger.describeSource(first.id, source.fileName(), source.displayUri());
                reported(landAll(first, request.forSource(source.fileName(), source.displayUri()), source.body(),
                        source.length(), true));
                return;
            } catch (SourceRestartException e) {
                LOG.infof("ingestion %s: reading the source again from byte 0: %s", first.id, e.getMessage());
                ledger.restartReceiving(first.id, "read again from byte 0 (attempt " + (budget.failures() + 1)
                        + " of at most " + budget.attempts() + "): " + e.getMessage());
            } catch (InvalidRequestException e) {
                lineage.ended(ledger.end(first.id, IngestionStatus.FAILED, "the source was refused: " + e.getMessage()));
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warnf("ingestion %s failed: %s", first.id, e.toString());
                if (ledger.failIfReceiving(first.id, "the source could not be read: " + e.getMessage())) {
                    lineage.ended(ledger.find(first.id));
                }
                return;
            }
        }
    }

    /**
     * Streams {@code source} into bronze: a plain CSV file as one ingestion ({@code first}), a gzip file
     * decompressed as one, every CSV file of a zip archive as one each in the archive's order, the first
     * of them being {@code first}. Never throws for a bad or failing source: an ingestion is then REJECTED
     * or FAILED with the reason. There is always at least one outcome.
     *
     * @param totalBytes the source's size when known in advance, for progress reports
     * @param firstIsKnown whether the caller has already been given {@code first}'s id: if so, and its
     *        content repeats an earlier ingestion, it stays in the ledger (REJECTED, naming the earlier one)
     *        instead of being forgotten
     */
    public List<Outcome> landSource(Ingestion first, IngestionRequest request, InputStream source, Long totalBytes,
            boolean firstIsKnown) {
        active.hold(first.id);
        try {
            return reported(landAll(first, request, source, totalBytes, firstIsKnown));
        } catch (SourceRestartException e) {
            return reported(List.of(new Outcome(ledger.end(first.id, IngestionStatus.FAILED, "the source broke off: "
                    + e.getMessage()), false)));
        } catch (RuntimeException e) {
            LOG.errorf(e, "ingestion %s: landing failed", first.id);
            ledger.failIfReceiving(first.id, "landing failed: " + e);
            return reported(List.of(new Outcome(ledger.find(first.id), false)));
        } finally {
            active.release(first.id);
        }
    }

    /**
     * Emits each outcome's end of run once the ledger has it; a repeat of an earlier ingestion's content had its own
     * (ABORT) when it was discarded, and the earlier one's run ended long ago.
     */
    private List<Outcome> reported(List<Outcome> outcomes) {
        outcomes.stream().filter(outcome -> !outcome.alreadyIngested()).forEach(outcome -> lineage.ended(outcome.ingestion()));
        return outcomes;
    }

    /**
     * {@link #landSource}, except that a source breaking off before any of its files landed throws
     * {@link SourceRestartException}, leaving {@code first} RECEIVING, for the caller to read it again.
     */
    private List<Outcome> landAll(Ingestion first, IngestionRequest request, InputStream source, Long totalBytes,
            boolean firstIsKnown) throws SourceRestartException {
        List<Outcome> outcomes = new ArrayList<>();
        SourceUnpacker.Unpacked unpacked;
        try {
            unpacked = SourceUnpacker.unpack(source, request.sourceName(), limits(), (fileName, content, foundIn) -> {
                Ingestion ingestion = outcomes.isEmpty() ? first : ledger.startReceiving(request.forFile(fileName));
                if (outcomes.isEmpty() && !fileName.equals(request.sourceName())) {
                    ledger.describeSource(first.id, fileName, request.sourceUri());
                }
                boolean known = outcomes.isEmpty() && firstIsKnown;
                outcomes.add(land(ingestion, request.forFile(fileName), content,
                        foundIn == SourceUnpacker.Format.PLAIN ? totalBytes : null, known, outcomes.isEmpty()));
            });
        } catch (IOException e) {
            if (e instanceof SourceRestartException restart && outcomes.isEmpty()) {
                throw restart;
            }
            if (!outcomes.isEmpty()) {
                LOG.warnf("ingestion %s: the source failed after %d file(s) of it were handled: %s", first.id,
                        outcomes.size(), e.toString());
                if (e instanceof RejectedSourceException refused && outcomes.stream()
                        .noneMatch(o -> o.ingestion().status == IngestionStatus.REJECTED)) {
                    // what it refused was not one of the files handed over (an entry's name, the entry count): on record
                    Ingestion rest = ledger.startReceiving(request.forFile(""));
                    outcomes.add(new Outcome(ledger.end(rest.id, IngestionStatus.REJECTED, "the rest of the archive, after "
                            + outcomes.size() + " file(s), was refused: " + refused.getMessage()), false));
                }
            } else {
                LOG.infof("ingestion %s could not be unpacked: %s", first.id, e.toString());
                outcomes.add(new Outcome(ledger.end(first.id, IngestionStatus.REJECTED,
                        "the source could not be unpacked: " + e.getMessage()), false));
            }
            return outcomes;
        }
        if (unpacked.files() == 0) {
            outcomes.add(new Outcome(ledger.end(first.id, IngestionStatus.REJECTED, "the zip archive holds no .csv file"), false));
        }
        if (unpacked.archive().isEmpty()) {
            return outcomes;
        }
        SourceUnpacker.Archive archive = unpacked.archive().get();
        return outcomes.stream().map(o -> o.alreadyIngested() ? o
                : new Outcome(ledger.recordArchive(o.ingestion().id, archive), false)).toList();
    }

    private SourceUnpacker.Limits limits() {
        IngestConfig.Archive archive = config.archive();
        return new SourceUnpacker.Limits(archive.maxEntries(), archive.maxTotalBytes().asLongValue(), archive.maxRatio(),
                archive.ratioGrace().asLongValue());
    }

    /**
     * One file, held by this thread while it works on it ({@link ActiveReceivers}): whatever happens but a
     * restart, the ingestion leaves RECEIVING.
     *
     * @param restartable whether a source breaking off may be read again from byte 0 (nothing of it has landed)
     */
    private Outcome land(Ingestion ingestion, IngestionRequest request, InputStream source, Long totalBytes,
            boolean idIsKnown, boolean restartable) throws SourceRestartException {
        active.hold(ingestion.id);
        try {
            return landHeld(ingestion, request, source, totalBytes, idIsKnown, restartable);
        } catch (RuntimeException e) {
            LOG.errorf(e, "ingestion %s: landing failed", ingestion.id);
            ledger.failIfReceiving(ingestion.id, "landing failed: " + e);
            throw e;
        } finally {
            active.release(ingestion.id);
        }
    }

    private Outcome landHeld(Ingestion ingestion, IngestionRequest request, InputStream source, Long totalBytes,
            boolean idIsKnown, boolean restartable) throws SourceRestartException {
        long maxBytes = config.maxBytes().asLongValue();
        if (totalBytes != null && totalBytes > maxBytes) {
            return new Outcome(ledger.end(ingestion.id, IngestionStatus.REJECTED, LandingScanner.tooLarge(maxBytes)), false);
        }
        LakeLocation target = LakeLocation.of(lakeConfig.containers().bronze(),
                BronzePaths.path(request.dataset(), LocalDate.now(ZoneOffset.UTC), ingestion.id, request.sourceName()));
        LandingScanner scanner = new LandingScanner(
                new ProgressReportingStream(source, config.progressEvery().asLongValue(),
                        received -> ledger.progress(ingestion.id, received, totalBytes)),
                request.declaredColumns(), config.splitTargetSize().asLongValue(), maxBytes);
        int chunksAhead = (int) (config.readAhead().asLongValue() / READ_AHEAD_CHUNK);
        // the scanner is not closed here: closing it would close the source, which may hold more files
        ReadAheadStream ahead = chunksAhead == 0 ? null
                : new ReadAheadStream(scanner, READ_AHEAD_CHUNK, chunksAhead, "landing-" + ingestion.id);
        lineage.started(ingestion, target);
        try {
            lake.create(target, ahead == null ? scanner : ahead);
        } catch (IOException | RuntimeException e) {
            Optional<SourceRestartException> restart = cause(e, SourceRestartException.class);
            if (restart.isPresent() && restartable && scanner.rejection().isEmpty()) {
                throw restart.get();
            }
            return new Outcome(refuseOrFail(ingestion, target, scanner, e), false);
        } finally {
            if (ahead != null) {
                ahead.close();
            }
        }
        LandingResult landed = scanner.result();
        List<String> violations = publisher.violations(ingestion, request.sourceName(), request.sourceUri(), target, landed);
        if (!violations.isEmpty()) {
            deleteQuietly(target);
            String reason = "its bronze-landed announcement would break the contract, so it does not land: "
                    + String.join("; ", violations);
            LOG.infof("ingestion %s rejected: %s", ingestion.id, reason);
            return new Outcome(ledger.end(ingestion.id, IngestionStatus.REJECTED, reason), false);
        }
        Optional<Ingestion> earlier = ledger.sameContent(request.dataset(), landed.sha256(), ingestion.id);
        if (earlier.isEmpty()) {
            try {
                Ingestion recorded = ledger.markLanded(ingestion.id, target, landed);
                announcements.announce(recorded); // a failure is recorded in the outbox and retried by its rounds
                return new Outcome(recorded, false);
            } catch (NoLongerReceivingException lost) {
                LOG.warnf("ingestion %s: %s; its bronze copy is deleted", ingestion.id, lost.getMessage());
                deleteQuietly(target);
                return new Outcome(lost.current(), false);
            } catch (PersistenceException raced) {
                earlier = ledger.sameContent(request.dataset(), landed.sha256(), ingestion.id);
                if (earlier.isEmpty()) {
                    throw raced;
                }
            }
        }
        discard(ingestion, target, idIsKnown ? Optional.of(earlier.get()) : Optional.empty());
        lineage.duplicate(ingestion, earlier.get());
        LOG.infof("ingestion %s: same content as ingestion %s, nothing new landed", ingestion.id, earlier.get().id);
        return new Outcome(earlier.get(), true);
    }

    /**
     * The first of {@code failure}'s causes (itself included) of {@code type}: a restart or a refusal of the source
     * thrown from below the scanner (the unpacker: corrupt data, an archive's limits), wrapped by the lake write.
     */
    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** Nothing of the write is visible; what it may have left (its folder) is removed. */
    private Ingestion refuseOrFail(Ingestion ingestion, LakeLocation target, LandingScanner scanner, Exception failure) {
        deleteQuietly(target);
        Optional<RejectedSourceException> rejection = scanner.rejection()
                .or(() -> cause(failure, RejectedSourceException.class));
        if (rejection.isPresent()) {
            String reason = rejection.get().getMessage();
            LOG.infof("ingestion %s rejected: %s", ingestion.id, reason);
            return ledger.end(ingestion.id, IngestionStatus.REJECTED, reason);
        }
        LOG.warnf("ingestion %s failed: %s", ingestion.id, failure.toString());
        return ledger.end(ingestion.id, IngestionStatus.FAILED, "the source or the lake failed while receiving "
                + scanner.bytesReceived() + " bytes: " + failure.getMessage());
    }


    /** Deletes a duplicate's bronze copy, and its ledger row unless the caller knows its id ({@code keepFor}). */
    private void discard(Ingestion duplicate, LakeLocation target, Optional<Ingestion> keepFor) {
        deleteQuietly(target);
        if (keepFor.isPresent()) {
            ledger.end(duplicate.id, IngestionStatus.REJECTED, "the same content already landed as ingestion " + keepFor.get().id);
        } else {
            ledger.forget(duplicate.id);
        }
    }

    /** Deletes a bronze object that must not stay, and its ingestion's own folder with it (ADLS directories, local folders). */
    private void deleteQuietly(LakeLocation target) {
        try {
            lake.delete(target);
            lake.deleteFolderIfEmpty(LakeLocation.of(target.container(),
                    target.path().substring(0, target.path().lastIndexOf('/') + 1)));
        } catch (IOException e) {
            LOG.warnf("could not delete the bronze object %s: %s", target, e.toString());
        }
    }
}
