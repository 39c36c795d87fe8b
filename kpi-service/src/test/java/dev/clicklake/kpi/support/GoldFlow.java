package dev.clicklake.kpi.support;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.event.Decoded;
import dev.clicklake.contracts.event.GoldReady;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.event.SplitRef;
import dev.clicklake.contracts.storage.LakeStorage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Builds gold the way production does: silver Parquet in the lake, silver-ready on Kafka, wait for gold-ready. */
public final class GoldFlow {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final SilverLake silver;
    private final KpiTopics kafka;
    private final ContractCodec codec;

    public GoldFlow(LakeStorage lake, String topicPrefix, ContractCodec codec) {
        this.silver = new SilverLake(lake);
        this.kafka = new KpiTopics(topicPrefix);
        this.codec = codec;
    }

    /** Lands {@code rows} as one ingestion's only split and returns once kpi-service announced its gold. */
    public void build(String dataset, List<SilverRow> rows) throws Exception {
        buildSplits(dataset, List.of(rows));
    }

    /**
     * Lands each list of {@code splits} as a split of one ingestion, in order, and returns once kpi-service announced
     * the gold of every split.
     */
    public void buildSplits(String dataset, List<List<SilverRow>> splits) throws Exception {
        String ingestion = UUID.randomUUID().toString();
        for (int i = 0; i < splits.size(); i++) {
            send(silver.land(dataset, ingestion, new SplitRef(i, splits.size()), splits.get(i)));
        }
        awaitGoldReady(ingestion, splits.size());
    }

    /** Sends {@code message} on silver-ready as enrich-service would, keyed by its ingestion. */
    public void send(SilverReady message) {
        kafka.sendContract(Contract.SILVER_READY, message, message.ingestionId(), codec);
    }

    /** Returns once kpi-service has announced {@code count} gold-ready messages of {@code ingestion}. */
    public void awaitGoldReady(String ingestion, int count) {
        kafka.await(Contract.GOLD_READY.contractName(), count, record -> ingestion.equals(record.key())
                && codec.decode(Contract.GOLD_READY, GoldReady.class, record.value()) instanceof Decoded.Accepted<GoldReady>,
                WAIT);
    }

    /** The silver lake this flow lands rows in. */
    public SilverLake silver() {
        return silver;
    }
}
