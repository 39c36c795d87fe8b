package dev.clicklake.contracts.lineage;

import dev.clicklake.contracts.runtime.LakeConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.Transport;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends a stage's run events through the official openlineage-java client, with the transport {@link LineageConfig}
 * names. Lineage never fails the pipeline: an event that cannot be built or sent (server down, timeout, a bad
 * answer) is logged and counted ({@code clicklake_lineage_events_total{outcome="failed"}}), and the stage goes on.
 * The callers emit an event after the effect it describes is durable.
 */
@ApplicationScoped
public class LineageEmitter {

    private static final Logger LOG = Logger.getLogger(LineageEmitter.class);
    private static final String METRIC = "clicklake.lineage.events";

    private final OpenLineageClient client;
    private final LineageEvents events;
    private final LineageNames names;
    private final AtomicLong failures = new AtomicLong();
    private final Counter emittedCounter;
    private final Counter failedCounter;

    @Inject
    LineageEmitter(LineageConfig config, LakeConfig lake, @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.application.version") String version, Instance<MeterRegistry> meters) {
        this(config.enabled() ? LineageTransports.create(config) : null,
                new LineageEvents(config.producer().orElse(URI.create("urn:clicklake:" + service + ":" + version)),
                        config.namespace(), Clock.systemUTC()),
                LineageNames.of(lake), meters.isResolvable() ? meters.get() : null);
        LOG.infof("lineage: %s", config.enabled() ? config.transport().name().toLowerCase(Locale.ROOT)
                + ", jobs in namespace " + config.namespace() : "disabled");
    }

    /**
     * @param transport where the events go, or null to emit nothing
     * @param registry where the counts of sent and failed events are kept, or null
     */
    LineageEmitter(Transport transport, LineageEvents events, LineageNames names, MeterRegistry registry) {
        this.client = transport == null ? null : new OpenLineageClient(transport);
        this.events = events;
        this.names = names;
        this.emittedCounter = registry == null ? null : registry.counter(METRIC, "outcome", "emitted");
        this.failedCounter = registry == null ? null : registry.counter(METRIC, "outcome", "failed");
    }

    /** The builder of this service's events (its producer URI and job namespace). */
    public LineageEvents events() {
        return events;
    }

    /** The names of this service's lake datasets. */
    public LineageNames names() {
        return names;
    }

    /** Builds the event {@code event} supplies (nothing when it supplies null) and sends it; never throws. */
    public void emit(Supplier<RunEvent> event) {
        if (client == null) {
            return;
        }
        RunEvent built = null;
        try {
            built = event.get();
            if (built == null) {
                return;
            }
            client.emit(built);
            if (emittedCounter != null) {
                emittedCounter.increment();
            }
        } catch (RuntimeException | LinkageError e) {
            failures.incrementAndGet();
            if (failedCounter != null) {
                failedCounter.increment();
            }
            LOG.warnf("lineage: %s was not sent: %s", built == null ? "an event that could not be built"
                    : "the " + built.getEventType() + " event of job " + built.getJob().getName() + " run "
                    + built.getRun().getRunId(), e.toString());
        }
    }

    /** Events this emitter could not send since it started. */
    public long failures() {
        return failures.get();
    }

    @PreDestroy
    void close() {
        if (client != null) {
            try {
                client.close();
            } catch (Exception e) {
                LOG.debugf("lineage: closing the client: %s", e.toString());
            }
        }
    }
}
