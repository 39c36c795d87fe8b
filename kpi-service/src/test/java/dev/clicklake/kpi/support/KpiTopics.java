package dev.clicklake.kpi.support;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.testing.KafkaTestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The topics of one test run (their names start with {@code clicklake.topic-prefix}): sends what another
 * service would send, and picks a test's own records out of topics that every test shares.
 */
public final class KpiTopics {

    private final String prefix;

    public KpiTopics(String prefix) {
        this.prefix = prefix;
    }

    /** Sends {@code payload} as a binary-mode CloudEvent of {@code contract}, keyed by the ingestion id. */
    public void sendContract(Contract contract, Object payload, String ingestionId, ContractCodec codec) {
        KafkaTestClient.send(prefix + contract.contractName(), ingestionId, codec.encode(contract, payload),
                KafkaTestClient.cloudEventHeaders(contract.cloudEventType(), ingestionId));
    }

    /** Sends a record with no CloudEvents headers, as a broken producer might. */
    public void sendRaw(String topic, String key, String value) {
        KafkaTestClient.send(prefix + topic, key, value, Map.of());
    }

    /**
     * Waits until {@code topic} holds {@code count} records matching {@code wanted}, and returns them in
     * order; fails when fewer arrive within {@code timeout}.
     */
    public List<KafkaTestClient.Received> await(String topic, int count, Predicate<KafkaTestClient.Received> wanted,
            Duration timeout) {
        List<KafkaTestClient.Received> found = KafkaTestClient.await(prefix + topic, wanted, count, timeout);
        if (found.size() < count) {
            throw new AssertionError("found " + found.size() + " of " + count + " records on " + prefix + topic + " within " + timeout);
        }
        return found;
    }
}
