package dev.clicklake.contracts.event;

/**
 * Reactive-messaging channel names, one per message contract. Channels are bound to Kafka topics only in
 * each service's {@code application.properties} ({@code mp.messaging.*.topic}).
 */
public final class Channels {

    public static final String BRONZE_LANDED = "bronze-landed";
    public static final String SILVER_READY = "silver-ready";
    public static final String GOLD_READY = "gold-ready";
    /**
     * The shared dead-letter topic, read by ingest-service to fail the ingestions whose messages landed there.
     * Not a contract: records are copies of refused messages with SmallRye's {@code dead-letter-*} headers.
     */
    public static final String DEAD_LETTER = "clicklake-dead-letter";

    private Channels() {
    }
}
