package dev.clicklake.ingest.messaging;

import dev.clicklake.ingest.pipeline.LandingService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** At start-up, announces files that landed but were not announced before a crash or broker outage. */
@ApplicationScoped
public class PendingAnnouncements {

    private static final Logger LOG = Logger.getLogger(PendingAnnouncements.class);

    @Inject
    LandingService landing;

    void onStart(@Observes StartupEvent event) {
        int published = landing.publishPending();
        if (published > 0) {
            LOG.infof("announced %d ingestion(s) that had landed without being announced", published);
        }
    }
}
