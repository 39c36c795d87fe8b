package dev.clicklake.contracts.event;

import java.net.URI;

/**
 * The versioned message and record contracts. Each has a JSON Schema file at
 * {@code contracts/<name>.v<version>.schema.json} and an example document at
 * {@code contracts/examples/<name>.v<version>.json}, both on the classpath.
 */
public enum Contract {
    BRONZE_LANDED("bronze-landed", 1, BronzeLanded.class),
    SILVER_READY("silver-ready", 1, SilverReady.class),
    GOLD_READY("gold-ready", 1, GoldReady.class),
    QUARANTINE_RECORD("quarantine-record", 1, QuarantineRecord.class);

    private static final String SCHEMA_BASE = "https://clicklake.dev/contracts/";

    private final String contractName;
    private final int version;
    private final Class<?> payloadType;

    Contract(String contractName, int version, Class<?> payloadType) {
        this.contractName = contractName;
        this.version = version;
        this.payloadType = payloadType;
    }

    /** The contract's name, which is also the default topic of a message contract. */
    public String contractName() {
        return contractName;
    }

    public int version() {
        return version;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code dev.clicklake.bronze-landed.v1}. */
    public String cloudEventType() {
        return "dev.clicklake." + contractName + ".v" + version;
    }

    /** The CloudEvents {@code dataschema} attribute: the schema file's {@code $id}. */
    public URI dataSchema() {
        return URI.create(SCHEMA_BASE + fileStem() + ".schema.json");
    }

    public String schemaResource() {
        return "contracts/" + fileStem() + ".schema.json";
    }

    public String exampleResource() {
        return "contracts/examples/" + fileStem() + ".json";
    }

    private String fileStem() {
        return contractName + ".v" + version;
    }
}
