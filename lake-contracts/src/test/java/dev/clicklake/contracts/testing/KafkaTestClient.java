package dev.clicklake.contracts.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients for tests: read what a service published and send what it should consume, on the
 * real broker of the local stack ({@code KAFKA_BOOTSTRAP_SERVERS}, default 127.0.0.1:9092).
 */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    public static String bootstrapServers() {
        String fromEnv = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return fromEnv == null || fromEnv.isBlank() ? "127.0.0.1:9092" : fromEnv;
    }

    /**
     * Reads {@code topic} from the beginning until {@code count} records have arrived or {@code timeout}
     * passes; returns what arrived (fewer than {@code count} on time-out, so the caller's assertion says how many).
     */
    public static List<Received> await(String topic, int count, Duration timeout) {
        return await(topic, record -> true, count, timeout);
    }

    /** Like {@link #await(String, int, Duration)}, counting only the records that match {@code which}. */
    public static List<Received> await(String topic, java.util.function.Predicate<Received> which, int count, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Received> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = withKafkaClassLoader(
                () -> new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer()))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (records.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    Received received = Received.of(r);
                    if (which.test(received)) {
                        records.add(received);
                    }
                });
            }
        }
        return records;
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = withKafkaClassLoader(
                () -> new KafkaProducer<>(props, new StringSerializer(), new StringSerializer()))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Waits until consumer group {@code group} has committed, on every partition of {@code topic}, the offset
     * past its last record: everything sent to the topic before the call has been handled. False on time-out.
     */
    public static boolean awaitConsumed(String group, String topic, Duration timeout) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = withKafkaClassLoader(() -> Admin.create(props))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                if (partitions.stream().allMatch(p -> ends.get(p).offset() == 0
                        || committed.get(p) != null && committed.get(p).offset() >= ends.get(p).offset())) {
                    return true;
                }
                Thread.sleep(200);
            }
            return false;
        }
    }

    /**
     * Builds a client with Kafka's own class loader as the context class loader: inside a Quarkus test the
     * context loader differs, and Kafka would load its default metrics reporter from the wrong one.
     */
    private static <T> T withKafkaClassLoader(java.util.function.Supplier<T> build) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaConsumer.class.getClassLoader());
        try {
            return build.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A record as read, in plain Java types (a Quarkus test loads Kafka's classes in another class loader).
     *
     * @param headers the last value of each header, as text
     */
    public record Received(String key, String value, Map<String, String> headers) {

        static Received of(ConsumerRecord<String, String> record) {
            Map<String, String> headers = new java.util.HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            return new Received(record.key(), record.value(), Map.copyOf(headers));
        }

        public String header(String name) {
            return headers.get(name);
        }
    }

    /** CloudEvents binary-mode headers for a hand-made message of {@code type}. */
    public static Map<String, String> cloudEventHeaders(String type, String ingestionId) {
        return Map.of(
                "ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/clicklake/test",
                "ce_type", type,
                "ce_time", Instant.now().toString(),
                "ce_ingestionid", ingestionId,
                "content-type", "application/json");
    }
}
