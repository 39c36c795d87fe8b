package dev.clicklake.contracts.runtime;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractMessages;
import dev.clicklake.contracts.event.Decoded;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The one way every service consumes a contract message: a message its contract refuses is nacked (the
 * channel's dead-letter-queue strategy then publishes it unchanged with the reason in its headers); an
 * accepted one is handled with infrastructure faults retried by {@link Backoff}, and acked only once the
 * handler has committed its effects. A handler that finds the message can never be processed throws
 * {@link UnprocessableMessageException}, which dead-letters it too.
 */
public final class ContractConsumer {

    private static final Logger LOG = Logger.getLogger(ContractConsumer.class);

    /** The work done for one accepted payload; it must be idempotent (redelivery is normal). */
    @FunctionalInterface
    public interface Handler<T> {
        void handle(T payload) throws Exception;
    }

    private final ContractMessages messages;
    private final Backoff backoff;

    public ContractConsumer(ContractMessages messages, Backoff backoff) {
        this.messages = messages;
        this.backoff = backoff;
    }

    public <T> CompletionStage<Void> consume(Message<String> message, Contract contract, Class<T> type, Handler<T> handler) {
        Decoded<T> decoded = messages.incoming(contract, type, message);
        if (decoded instanceof Decoded.Rejected<T> rejected) {
            LOG.warnf("dead-lettering a %s message: %s", contract.contractName(), rejected.summary());
            return message.nack(new ContractRejectedException(contract, rejected.summary()));
        }
        T payload = ((Decoded.Accepted<T>) decoded).payload();
        try {
            backoff.untilSuccess("handling " + contract.contractName(), () -> {
                handler.handle(payload);
                return null;
            }, UnprocessableMessageException.class);
        } catch (UnprocessableMessageException e) {
            LOG.warnf("dead-lettering a %s message that cannot be processed: %s", contract.contractName(), e.getMessage());
            return message.nack(e);
        } catch (InterruptedException e) {
            // shutting down: neither ack nor dead-letter; the message is redelivered after restart
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        return message.ack();
    }

    /** Why a message was dead-lettered; its message becomes the {@code dead-letter-reason} header. */
    public static final class ContractRejectedException extends IllegalArgumentException {
        public ContractRejectedException(Contract contract, String reasons) {
            super(contract.cloudEventType() + " refused: " + reasons);
        }
    }
}
