package dev.clicklake.ingest.pipeline;

import dev.clicklake.ingest.config.IngestConfig;
import dev.clicklake.ingest.ledger.IngestionLedger;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * At start-up, fails the ingestions that were being received when a replica stopped (their ledger row
 * has not moved for {@code clicklake.ingest.receiving-lease}); nothing of them is visible in bronze.
 */
@ApplicationScoped
public class InterruptedIngestions {

    private static final Logger LOG = Logger.getLogger(InterruptedIngestions.class);

    @Inject
    IngestionLedger ledger;

    @Inject
    IngestConfig config;

    void onStart(@Observes StartupEvent event) {
        int failed = ledger.failInterrupted(config.receivingLease());
        if (failed > 0) {
            LOG.infof("failed %d ingestion(s) interrupted while receiving", failed);
        }
    }
}
