package dev.clicklake.ingest.messaging;

import dev.clicklake.contracts.event.Channels;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.GoldReady;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.runtime.ContractConsumer;
import dev.clicklake.ingest.ledger.IngestionLedger;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Follows each ingestion downstream: {@code silver-ready} and {@code gold-ready} reports update its
 * splits in the ledger, so {@code GET /ingestions/{id}} shows the whole journey to gold.
 */
@ApplicationScoped
public class JourneyListener {

    @Inject
    ContractConsumer consumer;

    @Inject
    IngestionLedger ledger;

    @Incoming(Channels.SILVER_READY)
    @Blocking
    public CompletionStage<Void> onSilverReady(Message<String> message) {
        return consumer.consume(message, Contract.SILVER_READY, SilverReady.class, ledger::recordSilver);
    }

    @Incoming(Channels.GOLD_READY)
    @Blocking
    public CompletionStage<Void> onGoldReady(Message<String> message) {
        return consumer.consume(message, Contract.GOLD_READY, GoldReady.class, ledger::recordGold);
    }
}
