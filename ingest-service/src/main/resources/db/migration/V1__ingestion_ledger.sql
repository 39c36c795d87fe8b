-- The ingestion ledger: one row per ingestion, one row per split of its bronze file.
CREATE TABLE ingestion (
    id               UUID PRIMARY KEY,
    dataset          TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    reason           TEXT,
    source_kind      TEXT        NOT NULL,
    source_name      TEXT        NOT NULL,
    source_uri       TEXT,
    declared_columns TEXT,
    bytes_received   BIGINT      NOT NULL DEFAULT 0,
    total_bytes      BIGINT,
    data_rows        BIGINT,
    sha256           CHAR(64),
    bronze_container TEXT,
    bronze_path      TEXT,
    has_header       BOOLEAN,
    file_columns     TEXT,
    split_count      INTEGER,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    landed_at        TIMESTAMPTZ,
    published_at     TIMESTAMPTZ,
    silver_ready_at  TIMESTAMPTZ,
    gold_ready_at    TIMESTAMPTZ
);

-- The same content lands once per dataset: a second ingestion of it returns the first.
CREATE UNIQUE INDEX ingestion_content_once ON ingestion (dataset, sha256)
    WHERE sha256 IS NOT NULL AND status NOT IN ('FAILED', 'REJECTED');
CREATE INDEX ingestion_by_dataset ON ingestion (dataset, created_at DESC);
CREATE INDEX ingestion_unpublished ON ingestion (landed_at) WHERE status = 'LANDED' AND published_at IS NULL;

CREATE TABLE ingestion_split (
    ingestion_id  UUID    NOT NULL REFERENCES ingestion (id) ON DELETE CASCADE,
    split_index   INTEGER NOT NULL,
    byte_offset   BIGINT  NOT NULL,
    byte_length   BIGINT  NOT NULL,
    first_line    BIGINT  NOT NULL,
    data_rows     BIGINT  NOT NULL,
    rows_written  BIGINT,
    duplicates    BIGINT,
    quarantined   BIGINT,
    silver_at     TIMESTAMPTZ,
    gold_at       TIMESTAMPTZ,
    PRIMARY KEY (ingestion_id, split_index)
);
