package dev.clicklake.ingest.pipeline;

import dev.clicklake.ingest.config.IngestConfig;
import dev.clicklake.ingest.ledger.Ingestion;
import dev.clicklake.ingest.ledger.IngestionLedger;
import dev.clicklake.ingest.lineage.IngestLineage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The leases of RECEIVING ingestions. At start-up, and then every {@code clicklake.ingest.lease-renew-every}:
 * renews the leases of what this replica's live receivers hold ({@link ActiveReceivers}; however slowly the
 * bytes come: stalls are the read timeouts' business), then fails what nobody renews any more ("receiver lost"), whichever replica had it.
 * Failing rather than re-running: the ledger keeps a URL without its query string (signed URLs cannot be
 * fetched again from it), and an upload's body is gone with its request; the caller asks again.
 */
@ApplicationScoped
public class ReceivingLeases {

    private static final Logger LOG = Logger.getLogger(ReceivingLeases.class);

    @Inject
    IngestionLedger ledger;

    @Inject
    IngestConfig config;

    @Inject
    ActiveReceivers active;

    @Inject
    IngestLineage lineage;

    private ScheduledExecutorService heartbeat;

    void onStart(@Observes StartupEvent event) {
        failLostReceivers();
        heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "receiving-lease-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.leaseRenewEvery().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Fails the RECEIVING ingestions whose lease has run out, each with its run's FAIL event; answers how many. */
    public int failLostReceivers() {
        List<Ingestion> failed = ledger.failLostReceivers();
        if (!failed.isEmpty()) {
            LOG.warnf("failed %d ingestion(s) whose receiver was lost (lease ran out)", failed.size());
        }
        failed.forEach(lineage::ended);
        return failed.size();
    }

    private void beat() {
        try {
            ledger.renewLeases(active.held());
            failLostReceivers();
        } catch (RuntimeException e) {
            // the next beat tries again; a lease outlives a few missed beats
            LOG.warnf("could not renew the receiving leases: %s", e.toString());
        }
    }

    /** Stops before the database connections go, so that no beat runs into a closed ledger. */
    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
    }
}
