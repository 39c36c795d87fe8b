package dev.clicklake.ingest.pipeline;

import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.ingest.config.IngestConfig;
import dev.clicklake.ingest.landing.BronzePaths;
import dev.clicklake.ingest.landing.IngestionRequest;
import dev.clicklake.ingest.landing.LandingResult;
import dev.clicklake.ingest.landing.LandingScanner;
import dev.clicklake.ingest.ledger.Ingestion;
import dev.clicklake.ingest.ledger.IngestionLedger;
import dev.clicklake.ingest.ledger.IngestionStatus;
import dev.clicklake.ingest.messaging.BronzeLandedPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Lands one source in bronze: ledger row, streaming checked copy into the lake (visible only when
 * complete), content dedupe, ledger update, then the bronze-landed announcement.
 */
@ApplicationScoped
public class LandingService {

    private static final Logger LOG = Logger.getLogger(LandingService.class);

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

    /** What landing a source came to: the ingestion, and whether it is an earlier one with the same content. */
    public record Outcome(Ingestion ingestion, boolean alreadyIngested) {
    }

    /**
     * Streams {@code source} into bronze. Never throws for a bad or failing source: the outcome's
     * ingestion is then REJECTED or FAILED with the reason.
     *
     * @param totalBytes the source's size when known in advance, for progress reports
     */
    public Outcome land(IngestionRequest request, InputStream source, Long totalBytes) {
        Ingestion ingestion = ledger.startReceiving(request);
        LakeLocation target = LakeLocation.of(lakeConfig.containers().bronze(),
                BronzePaths.path(request.dataset(), LocalDate.now(ZoneOffset.UTC), ingestion.id, request.sourceName()));
        LandingScanner scanner = new LandingScanner(
                new ProgressReportingStream(source, config.progressEvery().asLongValue(),
                        received -> ledger.progress(ingestion.id, received, totalBytes)),
                request.declaredColumns(), config.splitTargetSize().asLongValue());
        try {
            lake.create(target, scanner);
        } catch (IOException | RuntimeException e) {
            return new Outcome(refuseOrFail(ingestion, scanner, e), false);
        }
        LandingResult landed = scanner.result();
        Optional<Ingestion> earlier = ledger.sameContent(request.dataset(), landed.sha256(), ingestion.id);
        if (earlier.isEmpty()) {
            try {
                Ingestion recorded = ledger.markLanded(ingestion.id, target, landed);
                publishQuietly(recorded);
                return new Outcome(recorded, false);
            } catch (PersistenceException raced) {
                earlier = ledger.sameContent(request.dataset(), landed.sha256(), ingestion.id);
                if (earlier.isEmpty()) {
                    throw raced;
                }
            }
        }
        discard(ingestion, target);
        LOG.infof("ingestion %s: same content as ingestion %s, nothing new landed", ingestion.id, earlier.get().id);
        return new Outcome(earlier.get(), true);
    }

    /** Announces landed-but-unannounced ingestions (after a crash or a broker outage). */
    public int publishPending() {
        int published = 0;
        for (Ingestion pending : ledger.landedButUnpublished()) {
            publishQuietly(pending);
            published++;
        }
        return published;
    }

    private Ingestion refuseOrFail(Ingestion ingestion, LandingScanner scanner, Exception cause) {
        if (scanner.rejection().isPresent()) {
            String reason = scanner.rejection().get().getMessage();
            LOG.infof("ingestion %s rejected: %s", ingestion.id, reason);
            return ledger.end(ingestion.id, IngestionStatus.REJECTED, reason);
        }
        LOG.warnf("ingestion %s failed: %s", ingestion.id, cause.toString());
        return ledger.end(ingestion.id, IngestionStatus.FAILED, "the source or the lake failed while receiving "
                + scanner.bytesReceived() + " bytes: " + cause.getMessage());
    }

    private void publishQuietly(Ingestion ingestion) {
        try {
            publisher.publish(ingestion);
        } catch (RuntimeException e) {
            // the ledger still says LANDED and unpublished: it is announced again at the next start
            LOG.errorf("ingestion %s landed but could not be announced yet: %s", ingestion.id, e.toString());
        }
    }

    private void discard(Ingestion duplicate, LakeLocation target) {
        try {
            lake.delete(target);
        } catch (IOException e) {
            LOG.warnf("could not delete the duplicate bronze object %s: %s", target, e.toString());
        }
        ledger.forget(duplicate.id);
    }
}
