package dev.clicklake.kpi.messaging;

import dev.clicklake.contracts.event.Channels;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractMessages;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.runtime.Backoff;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.runtime.ContractConsumer;
import dev.clicklake.contracts.runtime.LakeConfig;
import dev.clicklake.contracts.runtime.UnprocessableMessageException;
import dev.clicklake.contracts.storage.LakeObject;
import dev.clicklake.contracts.storage.LakeStorage;
import dev.clicklake.kpi.config.KpiConfig;
import dev.clicklake.kpi.gold.GoldBuild;
import dev.clicklake.kpi.gold.GoldPlan;
import dev.clicklake.kpi.lineage.GoldLineage;
import dev.clicklake.kpi.snapshot.GoldSnapshots;
import dev.clicklake.kpi.snapshot.SnapshotManifest;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns each silver-ready into rebuilt gold days with their range corrections, months and dataset (one
 * transaction), then a Parquet snapshot of the dataset's gold, then a gold-ready. A message that breaks its contract
 * or names an object outside its split's silver layout ({@link SilverReadyScope}) goes to the dead-letter topic with
 * the reason at once; one that fails deterministically ({@link FailureKind}: its silver is missing or unreadable)
 * after {@code clicklake.kpi.retry.deterministic-attempts} attempts; a transient failure is retried with backoff (the
 * whole message: every step is idempotent). The message is acked only after gold is committed and gold-ready is on
 * the broker; its COMPLETE lineage event follows (each failed attempt has its FAIL).
 */
@ApplicationScoped
public class SilverReadyListener {

    private final ContractConsumer consumer;
    private final GoldBuild gold;
    private final GoldSnapshots snapshots;
    private final boolean snapshotsEnabled;
    private final GoldReadyPublisher publisher;
    private final SilverReadyScope scope;
    private final AttemptBudget attempts;
    private final LakeStorage lake;
    private final GoldLineage lineage;

    SilverReadyListener(ContractMessages messages, KpiConfig config, GoldBuild gold, GoldSnapshots snapshots,
            GoldReadyPublisher publisher, LakeConfig lakeConfig, LakeStorage lake, GoldLineage lineage) {
        this.lineage = lineage;
        this.consumer = new ContractConsumer(messages, new Backoff(config.retry().first(), config.retry().max()));
        this.scope = new SilverReadyScope(lakeConfig.containers().silver());
        this.attempts = new AttemptBudget(config.retry().deterministicAttempts());
        this.lake = lake;
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

    private void buildGold(SilverReady silverReady) throws Exception {
        Optional<String> outside = scope.refusal(silverReady);
        if (outside.isPresent()) {
            throw new UnprocessableMessageException("silver-ready names an object outside its split's silver layout: "
                    + outside.get());
        }
        String message = silverReady.ingestionId() + " split " + silverReady.split().index();
        lineage.started(silverReady, snapshotsEnabled);
        try {
            requireNamedFiles(silverReady);
            build(silverReady);
            attempts.forget(message);
        } catch (Exception e) {
            if (FailureKind.of(e) == FailureKind.DETERMINISTIC && attempts.spentAfterFailure(message)) {
                UnprocessableMessageException givenUp = new UnprocessableMessageException("silver-ready of " + message
                        + " failed the same way " + attempts.maxAttempts() + " times: " + e, e);
                lineage.failed(silverReady, givenUp, false);
                throw givenUp;
            }
            lineage.failed(silverReady, e, true);
            throw e;
        }
    }

    /** Every silver file the message names is in the lake, with the size it says. */
    private void requireNamedFiles(SilverReady silverReady) throws IOException {
        for (SilverFile file : silverReady.files()) {
            Optional<LakeObject> object = lake.stat(file.location());
            if (object.isEmpty()) {
                throw new SilverMismatchException("the silver file " + file.location() + " it names does not exist");
            }
            if (object.get().size() != file.bytes()) {
                throw new SilverMismatchException("the silver file " + file.location() + " holds " + object.get().size()
                        + " bytes, not the " + file.bytes() + " it names");
            }
        }
    }

    private void build(SilverReady silverReady) {
        List<LocalDate> dates = GoldPlan.datesToRebuild(silverReady);
        List<LocalDate> rebuilt = gold.rebuild(silverReady, dates);
        // a snapshot when gold changed, or when it changed before and its snapshot was never written (a crash)
        Optional<SnapshotManifest> snapshot = Optional.empty();
        if (!dates.isEmpty() && snapshotsEnabled && (!rebuilt.isEmpty() || snapshots.due(silverReady.dataset()))) {
            snapshot = Optional.of(snapshots.write(silverReady.dataset()));
        }
        publisher.publish(GoldPlan.goldReady(silverReady, dates));
        lineage.completed(silverReady, rebuilt, snapshot);
    }
}
