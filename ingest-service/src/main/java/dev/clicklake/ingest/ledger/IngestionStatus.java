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
    /** The source failed (network, storage); nothing partial is visible; a new request may succeed. */
    FAILED,
    /** The source is not clickstream data; nothing landed. */
    REJECTED
}
