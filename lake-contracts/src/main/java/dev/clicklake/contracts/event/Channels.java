package dev.clicklake.contracts.event;

/**
 * Reactive-messaging channel names, one per message contract. Channels are bound to Kafka topics only in
 * each service's {@code application.properties} ({@code mp.messaging.*.topic}).
 */
public final class Channels {

    public static final String BRONZE_LANDED = "bronze-landed";
    public static final String SILVER_READY = "silver-ready";
    public static final String GOLD_READY = "gold-ready";

    private Channels() {
    }
}
