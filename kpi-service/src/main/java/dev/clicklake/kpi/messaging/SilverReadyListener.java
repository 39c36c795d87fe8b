package dev.clicklake.kpi.messaging;

import dev.clicklake.contracts.event.Channels;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractMessages;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.runtime.Backoff;
import dev.clicklake.contracts.runtime.ContractConsumer;
import dev.clicklake.kpi.config.KpiConfig;
import dev.clicklake.kpi.gold.GoldBuild;
import dev.clicklake.kpi.gold.GoldPlan;
import dev.clicklake.kpi.snapshot.GoldSnapshots;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns each silver-ready into rebuilt gold days with their range corrections, months and dataset (one
 * transaction), then a Parquet snapshot of the dataset's gold, then a gold-ready. A message that breaks its contract
 * goes to the dead-letter topic with the reason; any other failure is retried (the whole message: every
 * step is idempotent). The message is acked only after gold is committed and gold-ready is on the broker.
 */
@ApplicationScoped
public class SilverReadyListener {

    private final ContractConsumer consumer;
    private final GoldBuild gold;
    private final GoldSnapshots snapshots;
    private final boolean snapshotsEnabled;
    private final GoldReadyPublisher publisher;

    SilverReadyListener(ContractMessages messages, KpiConfig config, GoldBuild gold,
            GoldSnapshots snapshots, GoldReadyPublisher publisher) {
        this.consumer = new ContractConsumer(messages, new Backoff(config.retry().first(), config.retry().max()));
        this.gold = gold;
        this.snapshots = snapshots;
        this.snapshotsEnabled = config.snapshot().enabled();
        this.publisher = publisher;
    }

    @Incoming(Channels.SILVER_READY)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return consumer.consume(message, Contract.SILVER_READY, SilverReady.class, this::buildGold);
    }

    private void buildGold(SilverReady silverReady) {
        List<LocalDate> dates = GoldPlan.datesToRebuild(silverReady);
        gold.rebuild(silverReady.dataset(), dates);
        if (!dates.isEmpty() && snapshotsEnabled) {
            snapshots.write(silverReady.dataset());
        }
        publisher.publish(GoldPlan.goldReady(silverReady, dates));
    }
}
