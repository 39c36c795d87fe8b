package dev.clicklake.enrich.messaging;

import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.Channels;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractMessages;
import dev.clicklake.contracts.runtime.Backoff;
import dev.clicklake.contracts.runtime.ContractConsumer;
import dev.clicklake.enrich.config.EnrichConfig;
import dev.clicklake.enrich.service.SplitEnricher;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code bronze-landed} on the {@value #WORKERS} worker pool, as many splits at once as its
 * {@code max-concurrency} allows (while one split's Parquet is being written, the next one is being parsed): a
 * message its contract refuses is dead-lettered; an accepted split is enriched and committed,
 * {@code silver-ready} is published, and only then is the offset acknowledged (Kafka commits the offsets up to
 * the first split not yet acknowledged). Lake, disk and broker faults are retried with backoff.
 */
@ApplicationScoped
public class BronzeLandedConsumer {

    /** The worker pool; {@code smallrye.messaging.worker.split-workers.max-concurrency} sets its size. */
    static final String WORKERS = "split-workers";

    private final ContractConsumer consumer;
    private final SplitEnricher enricher;
    private final SilverReadyPublisher publisher;

    public BronzeLandedConsumer(ContractMessages messages, EnrichConfig config, SplitEnricher enricher,
            SilverReadyPublisher publisher) {
        this.consumer = new ContractConsumer(messages, new Backoff(config.retry().firstDelay(), config.retry().maxDelay()));
        this.enricher = enricher;
        this.publisher = publisher;
    }

    @Incoming(Channels.BRONZE_LANDED)
    @Blocking(value = WORKERS, ordered = false)
    public CompletionStage<Void> consume(Message<String> message) {
        return consumer.consume(message, Contract.BRONZE_LANDED, BronzeLanded.class,
                landed -> publisher.publish(enricher.enrich(landed)));
    }
}
