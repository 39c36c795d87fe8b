package dev.clicklake.enrich.messaging;

import dev.clicklake.contracts.event.Channels;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractMessages;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.runtime.UnprocessableMessageException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes {@code silver-ready} (keyed by ingestion id and split index) and waits until the broker has it. The
 * message is checked against its contract and against the producer's record size limit before it is sent.
 */
@ApplicationScoped
public class SilverReadyPublisher {

    private final MutinyEmitter<String> emitter;
    private final ContractMessages messages;
    private final RecordSizeLimit limit;

    public SilverReadyPublisher(@Channel(Channels.SILVER_READY) MutinyEmitter<String> emitter, ContractMessages messages,
            @ConfigProperty(name = "mp.messaging.outgoing.silver-ready.max.request.size", defaultValue = "1048576")
            int maxRequestSize) {
        this.emitter = emitter;
        this.messages = messages;
        this.limit = new RecordSizeLimit(maxRequestSize);
    }

    /**
     * Blocks until the broker acknowledges; throws when it refuses, so the caller retries.
     *
     * @throws dev.clicklake.contracts.event.ContractViolationException when the payload breaks its contract
     * @throws UnprocessableMessageException when the record is too large to be sent, ever
     */
    public void publish(SilverReady ready) {
        String key = ready.ingestionId() + "/" + ready.split().index();
        Message<String> message = messages.outgoing(Contract.SILVER_READY, ready, ready.ingestionId(), key, key);
        Optional<String> tooLarge = limit.exceededBy(key, message.getPayload());
        if (tooLarge.isPresent()) {
            throw new UnprocessableMessageException("the silver-ready of split " + key + " (" + ready.files().size()
                    + " files) cannot be sent: " + tooLarge.get());
        }
        emitter.sendMessageAndAwait(message);
    }
}
