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
        String ingestion = UUID.randomUUID().toString();
        SilverReady message = silver.land(dataset, ingestion, new SplitRef(0, 1), rows);
        kafka.sendContract(Contract.SILVER_READY, message, ingestion, codec);
        kafka.await(Contract.GOLD_READY.contractName(), 1, record -> ingestion.equals(record.key())
                && ((Decoded.Accepted<GoldReady>) codec.decode(Contract.GOLD_READY, GoldReady.class, record.value()))
                        .payload().split().index() == 0, WAIT);
    }
}
