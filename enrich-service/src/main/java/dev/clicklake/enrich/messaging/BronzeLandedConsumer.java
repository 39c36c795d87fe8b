package dev.clicklake.enrich.messaging;

import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.Channels;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractMessages;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.runtime.Backoff;
import dev.clicklake.contracts.runtime.ContractConsumer;
import dev.clicklake.contracts.runtime.UnprocessableMessageException;
import dev.clicklake.enrich.config.EnrichConfig;
import dev.clicklake.enrich.lineage.EnrichLineage;
import dev.clicklake.enrich.metrics.EnrichMetrics;
import dev.clicklake.enrich.service.SplitEnricher;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code bronze-landed} on the {@value #WORKERS} worker pool, as many splits at once as its
 * {@code max-concurrency} allows (while one split's Parquet is being written, the next one is being parsed): a
 * message its contract refuses, or one that names what its sender may not name, is dead-lettered; an accepted
 * split is enriched and committed, {@code silver-ready} is published (then the split's COMPLETE lineage event, each
 * failed attempt having its FAIL), and only then is the offset acknowledged
 * (Kafka commits the offsets up to the first split not yet acknowledged). Each failure is classified
 * ({@link SplitFailure}): lake, disk and broker faults are retried with backoff; a deterministic failure is
 * retried until it has happened {@code retry.deterministic-attempts} times, then dead-lettered with its reason.
 */
@ApplicationScoped
public class BronzeLandedConsumer {

    /** The worker pool; {@code smallrye.messaging.worker.split-workers.max-concurrency} sets its size. */
    static final String WORKERS = "split-workers";

    private final ContractConsumer consumer;
    private final SplitEnricher enricher;
    private final SilverReadyPublisher publisher;
    private final EnrichMetrics metrics;
    private final int deterministicAttempts;
    private final EnrichLineage lineage;

    public BronzeLandedConsumer(ContractMessages messages, EnrichConfig config, SplitEnricher enricher,
            SilverReadyPublisher publisher, EnrichMetrics metrics, EnrichLineage lineage) {
        this.lineage = lineage;
        this.consumer = new ContractConsumer(messages, new Backoff(config.retry().firstDelay(), config.retry().maxDelay()));
        this.enricher = enricher;
        this.publisher = publisher;
        this.metrics = metrics;
        this.deterministicAttempts = config.retry().deterministicAttempts();
    }

    @Incoming(Channels.BRONZE_LANDED)
    @Blocking(value = WORKERS, ordered = false)
    public CompletionStage<Void> consume(Message<String> message) {
        SplitAttempts attempts = new SplitAttempts(deterministicAttempts);
        return consumer.consume(message, Contract.BRONZE_LANDED, BronzeLanded.class, landed -> {
            lineage.started(landed);
            try {
                SilverReady ready = enricher.enrich(landed);
                publisher.publish(ready);
                lineage.completed(landed, ready);
            } catch (InterruptedException e) {
                throw e;
            } catch (UnprocessableMessageException refused) {
                metrics.splitFailed("refused");
                lineage.failed(landed, refused, false);
                throw refused;
            } catch (Exception e) {
                SplitFailure failure = SplitFailure.classify(e);
                metrics.splitFailed(failure instanceof SplitFailure.Deterministic ? "deterministic" : "transient");
                UnprocessableMessageException givenUp = attempts.failed(failure);
                if (givenUp != null) {
                    UnprocessableMessageException refused = enricher.refuse(landed, givenUp);
                    lineage.failed(landed, refused, false);
                    throw refused;
                }
                lineage.failed(landed, e, true);
                throw e;
            }
        });
    }
}
