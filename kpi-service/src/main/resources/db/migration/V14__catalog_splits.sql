-- What the dataset catalog (GET /catalog/datasets) knows of each split kpi-service built gold from: the facts its
-- silver-ready carried (the bronze object, where every input row went, the silver files written), one row per
-- split, written in the transaction of the split's gold build. A redelivered split rewrites its own row, so sums
-- over the rows count every split once.
CREATE TABLE catalog_split (
    dataset             VARCHAR(63)  NOT NULL,
    ingestion_id        UUID         NOT NULL,
    split_index         INTEGER      NOT NULL CHECK (split_index >= 0),
    split_count         INTEGER      NOT NULL CHECK (split_count > split_index),
    bronze_container    VARCHAR(63)  NOT NULL,
    bronze_path         TEXT         NOT NULL,
    rows_in             BIGINT       NOT NULL CHECK (rows_in >= 0),
    rows_written        BIGINT       NOT NULL CHECK (rows_written >= 0),
    duplicates          BIGINT       NOT NULL CHECK (duplicates >= 0),
    quarantined         BIGINT       NOT NULL CHECK (quarantined >= 0),
    quarantined_by_rule JSONB        NOT NULL,
    silver_files        INTEGER      NOT NULL CHECK (silver_files >= 0),
    silver_bytes        BIGINT       NOT NULL CHECK (silver_bytes >= 0),
    quarantine_bytes    BIGINT       NOT NULL CHECK (quarantine_bytes >= 0),
    first_day           DATE,
    last_day            DATE,
    recorded_at         TIMESTAMPTZ  NOT NULL,
    CONSTRAINT catalog_split_pk PRIMARY KEY (dataset, ingestion_id, split_index)
);
