package dev.clicklake.ingest.ledger;

/** Where an ingestion is on its journey from source to gold. */
public enum IngestionStatus {
    /** Bytes are streaming from the source into bronze. */
    RECEIVING,
    /** The bronze object is committed; its splits are announced (or about to be) on bronze-landed. */
    LANDED,
    /** Every split has committed silver output. */
    SILVER_READY,
    /** Every split's gold figures are committed. */
    GOLD_READY,
    /**
     * The source failed (network, storage; nothing partial is visible), or a split's message was dead-lettered
     * downstream (the split says which and why); a new request with the same content lands as a new ingestion.
     */
    FAILED,
    /** The source is not clickstream data; nothing landed. */
    REJECTED
}
