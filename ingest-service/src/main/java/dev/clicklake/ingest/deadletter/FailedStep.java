package dev.clicklake.ingest.deadletter;

/**
 * The step of an ingestion's journey whose message was dead-lettered, told by the topic the message was
 * refused on (the {@code dead-letter-topic} header).
 */
public enum FailedStep {
    /** Its {@code bronze-landed} message was refused (by enrich-service): the split's events did not reach silver. */
    SILVER("bronze-landed", "its events did not reach silver"),
    /** Its {@code silver-ready} report was refused (by kpi-service, or ingest-service): its silver did not reach gold. */
    GOLD("silver-ready", "its silver did not reach gold");

    private final String message;
    private final String consequence;

    FailedStep(String message, String consequence) {
        this.message = message;
        this.consequence = consequence;
    }

    /** The message the split lost, as its channel is named (e.g. {@code bronze-landed}). */
    public String message() {
        return message;
    }

    /** What the refusal means for the split's data, for people. */
    public String consequence() {
        return consequence;
    }

    /**
     * Whether the split is already past this step (silver, or gold, reported it done): a dead letter of a later
     * redelivery then loses nothing.
     */
    public boolean alreadyDone(boolean silverDone, boolean goldDone) {
        return this == SILVER ? silverDone : goldDone;
    }
}
