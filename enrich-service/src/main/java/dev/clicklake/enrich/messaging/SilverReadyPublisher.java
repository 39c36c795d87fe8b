package dev.clicklake.enrich.messaging;

import dev.clicklake.contracts.event.Channels;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractMessages;
import dev.clicklake.contracts.event.SilverReady;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes {@code silver-ready} (keyed by ingestion id and split index) and waits until the broker has it. */
@ApplicationScoped
public class SilverReadyPublisher {

    private final MutinyEmitter<String> emitter;
    private final ContractMessages messages;

    public SilverReadyPublisher(@Channel(Channels.SILVER_READY) MutinyEmitter<String> emitter, ContractMessages messages) {
        this.emitter = emitter;
        this.messages = messages;
    }

    /** Blocks until the broker acknowledges; throws when it refuses, so the caller retries. */
    public void publish(SilverReady ready) {
        String key = ready.ingestionId() + "/" + ready.split().index();
        emitter.sendMessageAndAwait(messages.outgoing(Contract.SILVER_READY, ready, ready.ingestionId(), key, key));
    }
}
