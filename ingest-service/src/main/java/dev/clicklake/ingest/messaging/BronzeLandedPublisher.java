package dev.clicklake.ingest.messaging;

import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.Channels;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractMessages;
import dev.clicklake.contracts.event.CsvFormat;
import dev.clicklake.contracts.event.LakeFile;
import dev.clicklake.contracts.event.Split;
import dev.clicklake.contracts.event.SplitKey;
import dev.clicklake.ingest.ledger.Ingestion;
import dev.clicklake.ingest.ledger.IngestionLedger;
import dev.clicklake.ingest.ledger.IngestionSplit;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Announces a landed file on {@code bronze-landed}, one message per split, each acknowledged by the
 * broker before the ledger records the ingestion as published. A crash in between publishes again on
 * restart; consumers are idempotent per split.
 */
@ApplicationScoped
public class BronzeLandedPublisher {

    private static final Logger LOG = Logger.getLogger(BronzeLandedPublisher.class);

    @Inject
    @Channel(Channels.BRONZE_LANDED)
    MutinyEmitter<String> emitter;

    @Inject
    ContractMessages messages;

    @Inject
    IngestionLedger ledger;

    public void publish(Ingestion ingestion) {
        List<IngestionSplit> splits = ledger.splits(ingestion.id);
        for (IngestionSplit split : splits) {
            BronzeLanded payload = toMessage(ingestion, split);
            String ingestionId = ingestion.id.toString();
            emitter.sendMessageAndAwait(messages.outgoing(Contract.BRONZE_LANDED, payload, ingestionId,
                    SplitKey.of(ingestionId, split.key.splitIndex()), ingestion.bronzePath + "#" + split.key.splitIndex()));
        }
        ledger.markPublished(ingestion.id);
        LOG.infof("ingestion %s: announced %d split(s) of %s/%s", ingestion.id, splits.size(),
                ingestion.bronzeContainer, ingestion.bronzePath);
    }

    static BronzeLanded toMessage(Ingestion ingestion, IngestionSplit split) {
        return new BronzeLanded(
                ingestion.id.toString(),
                ingestion.dataset,
                ingestion.sourceName,
                ingestion.sourceUri,
                new LakeFile(ingestion.bronzeContainer, ingestion.bronzePath, ingestion.totalBytes, ingestion.sha256,
                        ingestion.dataRows),
                new CsvFormat(CsvFormat.REES46_CSV_V1, List.of(ingestion.fileColumns.split(",")), ingestion.hasHeader),
                new Split(split.key.splitIndex(), ingestion.splitCount, split.byteOffset, split.byteLength,
                        split.firstLine, split.dataRows),
                null);
    }
}
