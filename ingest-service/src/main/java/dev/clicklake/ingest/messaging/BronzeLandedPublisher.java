package dev.clicklake.ingest.messaging;

import dev.clicklake.contracts.event.BronzeLanded;
import dev.clicklake.contracts.event.Channels;
import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractMessages;
import dev.clicklake.contracts.event.CsvFormat;
import dev.clicklake.contracts.event.LakeFile;
import dev.clicklake.contracts.event.Split;
import dev.clicklake.contracts.event.SplitKey;
import dev.clicklake.contracts.storage.LakeLocation;
import dev.clicklake.ingest.landing.LandingResult;
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
 * broker ({@link PendingAnnouncements} then records the ingestion as published; a crash or a failure in
 * between announces again in a later round, consumers being idempotent per split). {@link #violations}
 * checks the messages of a file against the contract before it is recorded as landed, so that a file whose
 * announcement could never be sent is refused instead of landing unannounced.
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

    /** Sends every split's message and waits for the broker's acknowledgements; throws when one fails. */
    public void publish(Ingestion ingestion) {
        List<IngestionSplit> splits = ledger.splits(ingestion.id);
        LakeFile file = new LakeFile(ingestion.bronzeContainer, ingestion.bronzePath, ingestion.totalBytes,
                ingestion.sha256, ingestion.dataRows);
        CsvFormat format = new CsvFormat(CsvFormat.REES46_CSV_V1, List.of(ingestion.fileColumns.split(",")),
                ingestion.hasHeader);
        for (IngestionSplit split : splits) {
            BronzeLanded payload = toMessage(ingestion, file, format, new Split(split.key.splitIndex(),
                    ingestion.splitCount, split.byteOffset, split.byteLength, split.firstLine, split.dataRows));
            String ingestionId = ingestion.id.toString();
            emitter.sendMessageAndAwait(messages.outgoing(Contract.BRONZE_LANDED, payload, ingestionId,
                    SplitKey.of(ingestionId, split.key.splitIndex()), ingestion.bronzePath + "#" + split.key.splitIndex()));
        }
        LOG.infof("ingestion %s: announced %d split(s) of %s/%s", ingestion.id, splits.size(),
                ingestion.bronzeContainer, ingestion.bronzePath);
    }

    /**
     * What the contract would refuse in the messages of {@code receiving} once landed as {@code landed} at
     * {@code bronze} (named {@code sourceName}, from {@code sourceUri}); empty when every one can be sent.
     */
    public List<String> violations(Ingestion receiving, String sourceName, String sourceUri, LakeLocation bronze,
            LandingResult landed) {
        Ingestion named = new Ingestion();
        named.id = receiving.id;
        named.dataset = receiving.dataset;
        named.sourceName = sourceName;
        named.sourceUri = sourceUri;
        LakeFile file = new LakeFile(bronze.container(), bronze.path(), landed.bytes(), landed.sha256(), landed.rows());
        CsvFormat format = new CsvFormat(CsvFormat.REES46_CSV_V1, landed.layout().columns(), landed.layout().header());
        return landed.splits().stream()
                .flatMap(split -> messages.codec().violations(Contract.BRONZE_LANDED,
                        messages.codec().mapper().valueToTree(toMessage(named, file, format, split))).stream())
                .distinct()
                .toList();
    }

    static BronzeLanded toMessage(Ingestion ingestion, LakeFile file, CsvFormat format, Split split) {
        return new BronzeLanded(ingestion.id.toString(), ingestion.dataset, ingestion.sourceName, ingestion.sourceUri,
                file, format, split, null);
    }
}
