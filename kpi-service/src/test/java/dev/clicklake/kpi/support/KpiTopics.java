package dev.clicklake.kpi.support;

import dev.clicklake.contracts.event.Contract;
import dev.clicklake.contracts.event.ContractCodec;
import dev.clicklake.contracts.testing.KafkaTestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

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
     * Waits until {@code topic} holds {@code count} records matching {@code wanted}, and returns them in order.
     * (The shared {@link KafkaTestClient#await} takes the first records of a topic, whoever they are for.)
     */
    public List<ConsumerRecord<String, String>> await(String topic, int count, Predicate<ConsumerRecord<String, String>> wanted,
            Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestClient.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "kpi-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(prefix + topic));
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
            }
        }
        if (found.size() < count) {
            throw new AssertionError("found " + found.size() + " of " + count + " records on " + prefix + topic + " within " + timeout);
        }
        return found;
    }

    /** The value of a record's header as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
