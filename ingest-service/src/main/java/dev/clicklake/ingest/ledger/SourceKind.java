package dev.clicklake.ingest.ledger;

/** Where an ingestion's bytes came from. */
public enum SourceKind {
    UPLOAD,
    URL,
    IMPORT_DIR
}
