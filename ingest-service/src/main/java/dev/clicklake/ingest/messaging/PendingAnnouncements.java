package dev.clicklake.ingest.messaging;

import dev.clicklake.ingest.config.IngestConfig;
import dev.clicklake.ingest.ledger.Ingestion;
import dev.clicklake.ingest.ledger.IngestionLedger;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The bronze-landed outbox at work: at start-up and then every {@code clicklake.ingest.announce.interval},
 * claims up to {@code batch-size} landed-but-unannounced ingestions from the ledger and announces them
 * ({@link Reannouncer}), so a broker outage delays announcements instead of leaving them for the next restart.
 */
@ApplicationScoped
public class PendingAnnouncements implements AnnouncementOutbox {

    private static final Logger LOG = Logger.getLogger(PendingAnnouncements.class);

    @Inject
    IngestionLedger ledger;

    @Inject
    BronzeLandedPublisher publisher;

    @Inject
    IngestConfig config;

    private Reannouncer reannouncer;
    private ScheduledExecutorService rounds;

    @PostConstruct
    void init() {
        reannouncer = new Reannouncer(this, publisher::publish);
    }

    void onStart(@Observes StartupEvent event) {
        rounds = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bronze-landed-reannouncer");
            thread.setDaemon(true);
            return thread;
        });
        rounds.scheduleWithFixedDelay(this::round, 0, config.announce().interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Announces a just-landed ingestion, whose claim {@link IngestionLedger#markLanded} gave to its receiver. */
    public boolean announce(Ingestion landed) {
        return reannouncer.announce(landed);
    }

    /** One round now; answers how many ingestions were announced. */
    public int round() {
        try {
            int announced = reannouncer.round(config.announce().batchSize());
            if (announced > 0) {
                LOG.infof("announced %d ingestion(s) that had landed without being announced", announced);
            }
            return announced;
        } catch (RuntimeException e) {
            // the next round tries again: nothing is claimed that is not announced or released by its claim running out
            LOG.warnf("could not look for unannounced ingestions: %s", e.toString());
            return 0;
        }
    }

    @Override
    public List<Ingestion> claim(int max) {
        return ledger.claimUnannounced(max);
    }

    @Override
    public void announced(UUID id) {
        ledger.markPublished(id);
    }

    @Override
    public void failed(UUID id, String error) {
        ledger.announceFailed(id, error);
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        if (rounds != null) {
            rounds.shutdownNow();
        }
    }
}
