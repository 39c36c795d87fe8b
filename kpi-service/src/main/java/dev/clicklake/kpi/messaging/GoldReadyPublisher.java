package dev.clicklake.kpi.messaging;

import dev.clicklake.contracts.event.Channels;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractMessages;
import dev.clicklake.contracts.event.GoldReady;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes gold-ready, keyed by ingestion id. */
@ApplicationScoped
public class GoldReadyPublisher {

    private final MutinyEmitter<String> emitter;
    private final ContractMessages messages;

    GoldReadyPublisher(@Channel(Channels.GOLD_READY) MutinyEmitter<String> emitter, ContractMessages messages) {
        this.emitter = emitter;
        this.messages = messages;
    }

    /** Sends {@code goldReady} and returns once the broker has it; throws when the broker refuses it. */
    public void publish(GoldReady goldReady) {
        String subject = "%s/%s/split-%05d".formatted(goldReady.dataset(), goldReady.ingestionId(), goldReady.split().index());
        emitter.sendMessageAndAwait(messages.outgoing(Contract.GOLD_READY, goldReady, goldReady.ingestionId(),
                goldReady.ingestionId(), subject));
    }
}
