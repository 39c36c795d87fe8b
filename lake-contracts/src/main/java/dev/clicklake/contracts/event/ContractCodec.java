package dev.clicklake.contracts.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns contract payloads into JSON and back, checking every document against its JSON Schema both
 * ways: a producer can never emit what its contract forbids, and a consumer refuses (as data, not an
 * exception) what it cannot trust. Thread-safe; build one and share it.
 */
public final class ContractCodec {

    private final ObjectMapper mapper;
    private final Map<Contract, Schema> schemas = new EnumMap<>(Contract.class);

    public ContractCodec() {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // a newer minor version may add optional fields: ignore them, the schema already passed
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        for (Contract contract : Contract.values()) {
            schemas.put(contract, registry.getSchema(readTree(contract.schemaResource())));
        }
    }

    /** The mapper this codec uses, configured for contract payloads (ISO-8601 dates and times). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Serialises a payload to JSON after checking it against its contract.
     *
     * @throws ContractViolationException when the payload breaks the schema (a producer bug)
     */
    public String encode(Contract contract, Object payload) {
        JsonNode tree = mapper.valueToTree(payload);
        List<String> violations = violations(contract, tree);
        if (!violations.isEmpty()) {
            throw new ContractViolationException(contract, violations);
        }
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + contract.cloudEventType(), e);
        }
    }

    /** Reads a JSON document as the contract's payload, or says why it cannot be trusted. */
    public <T> Decoded<T> decode(Contract contract, Class<T> type, String json) {
        if (!contract.payloadType().equals(type)) {
            throw new IllegalArgumentException(contract + " carries " + contract.payloadType().getSimpleName());
        }
        if (json == null || json.isBlank()) {
            return new Decoded.Rejected<>(List.of("empty document"));
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return new Decoded.Rejected<>(List.of("not JSON: " + e.getOriginalMessage()));
        }
        List<String> violations = violations(contract, tree);
        if (!violations.isEmpty()) {
            return new Decoded.Rejected<>(violations);
        }
        try {
            return new Decoded.Accepted<>(mapper.treeToValue(tree, type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Decoded.Rejected<>(List.of("does not map onto " + type.getSimpleName() + ": "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())));
        }
    }

    /** What is wrong with a document according to its contract's schema; empty when it is valid. */
    public List<String> violations(Contract contract, JsonNode document) {
        return schemas.get(contract).validate(document).stream()
                .map(Error::toString)
                .toList();
    }

    private JsonNode readTree(String resource) {
        try (InputStream in = ContractCodec.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
