package dev.clicklake.contracts.event;

import io.smallrye.reactive.messaging.ce.CloudEventMetadata;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Builds and reads contract messages as CloudEvents (binary mode on Kafka: {@code ce_*} headers and a
 * JSON body). Every message carries the ingestion id end to end in the {@value #INGESTION_ID}
 * extension, and names its producer (service and version) in {@code source}.
 */
public final class ContractMessages {

    /** CloudEvents extension attribute carrying the ingestion (correlation) id. */
    public static final String INGESTION_ID = "ingestionid";

    private final ContractCodec codec;
    private final URI source;
    private final Clock clock;

    /**
     * @param service the producing service's name, e.g. {@code ingest-service}
     * @param version the producing service's version
     */
    public ContractMessages(ContractCodec codec, String service, String version, Clock clock) {
        this.codec = codec;
        this.source = URI.create("/clicklake/" + service + "/" + version);
        this.clock = clock;
    }

    /**
     * A message for {@code payload}, checked against the contract.
     *
     * @param key the Kafka record key: records with one key keep their order on one partition
     * @param subject what the event is about (e.g. the lake path of the split), for routing and logs
     */
    public Message<String> outgoing(Contract contract, Object payload, String ingestionId, String key, String subject) {
        String json = codec.encode(contract, payload);
        OutgoingCloudEventMetadata<String> metadata = OutgoingCloudEventMetadata.<String>builder()
                .withId(UUID.randomUUID().toString())
                .withSource(source)
                .withType(contract.cloudEventType())
                .withDataContentType("application/json")
                .withDataSchema(contract.dataSchema())
                .withSubject(subject)
                .withTimestamp(ZonedDateTime.now(clock))
                .withExtension(INGESTION_ID, ingestionId)
                .build();
        return Message.of(json)
                .addMetadata(metadata)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }

    /**
     * Reads an incoming message as {@code contract}: the CloudEvents type, when present, must be the
     * contract's, and the body must satisfy its schema.
     */
    public <T> Decoded<T> incoming(Contract contract, Class<T> type, Message<String> message) {
        Optional<String> ceType = message.getMetadata(IncomingCloudEventMetadata.class).map(CloudEventMetadata::getType);
        if (ceType.isPresent() && !ceType.get().equals(contract.cloudEventType())) {
            return new Decoded.Rejected<>(java.util.List.of(
                    "CloudEvents type " + ceType.get() + " is not " + contract.cloudEventType()));
        }
        return codec.decode(contract, type, message.getPayload());
    }

    public ContractCodec codec() {
        return codec;
    }
}
