package dev.clicklake.ingest.deadletter;

/** What recording a split's dead letter in the ledger did; every outcome is final (redelivery changes nothing). */
public enum DeadLetterOutcome {
    /** The split's dead letter is recorded and the ingestion is now FAILED with its reason. */
    INGESTION_FAILED,
    /** The split's dead letter is recorded; the ingestion had already failed through another split. */
    SPLIT_RECORDED,
    /** The split already has a dead letter recorded (a redelivery, or the same message refused twice): kept as it is. */
    ALREADY_RECORDED,
    /** Silver (or gold) already reported the split done: a later redelivery was refused, nothing is lost. */
    STEP_ALREADY_DONE,
    /** The ledger has no such ingestion or split (another installation's, or a hand-made message). */
    UNKNOWN_SPLIT;

    /**
     * The decision, from what the ledger holds.
     *
     * @param alreadyFailed whether the ingestion is FAILED already
     * @param recorded whether the split has a dead letter recorded
     * @param stepDone whether the split is already past the dead letter's step
     */
    public static DeadLetterOutcome decide(boolean alreadyFailed, boolean recorded, boolean stepDone) {
        if (recorded) {
            return ALREADY_RECORDED;
        }
        if (stepDone) {
            return STEP_ALREADY_DONE;
        }
        return alreadyFailed ? SPLIT_RECORDED : INGESTION_FAILED;
    }

    /** Whether the split's dead letter is written to the ledger. */
    public boolean recordsSplit() {
        return this == INGESTION_FAILED || this == SPLIT_RECORDED;
    }
}
