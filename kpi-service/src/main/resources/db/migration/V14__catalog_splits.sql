-- What the dataset catalog (GET /catalog/datasets) knows of each split kpi-service built gold from: the facts its
-- silver-ready carried (the bronze object, where every input row went, the silver files written; the whole bronze
-- object's bytes, rows and source only from a silver-ready 1.1, else null), one row per
-- split, written in the transaction of the split's gold build. A redelivered split rewrites its own row, so sums
-- over the rows count every split once.
CREATE TABLE catalog_split (
    dataset             VARCHAR(63)  NOT NULL,
    ingestion_id        UUID         NOT NULL,
    split_index         INTEGER      NOT NULL CHECK (split_index >= 0),
    split_count         INTEGER      NOT NULL CHECK (split_count > split_index),
    bronze_container    VARCHAR(63)  NOT NULL,
    bronze_path         TEXT         NOT NULL,
    bronze_bytes        BIGINT       CHECK (bronze_bytes >= 0),
    bronze_rows         BIGINT       CHECK (bronze_rows >= 0),
    source_name         TEXT,
    source_uri          TEXT,
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

-- The catalog's figures as relations, read by GET /catalog/datasets and served as OData entity sets
-- (CatalogDatasets, CatalogIngestions, CatalogQuarantine): every sum over the splits is written once, here.
CREATE VIEW catalog_dataset AS
WITH splits AS (
    SELECT dataset,
           count(*)::bigint                     AS splits,
           count(DISTINCT ingestion_id)::bigint AS ingestions,
           sum(rows_in)::bigint                 AS bronze_rows,
           sum(rows_written)::bigint            AS silver_rows,
           sum(duplicates)::bigint              AS duplicates,
           sum(quarantined)::bigint             AS quarantined,
           sum(silver_files)::bigint            AS silver_files,
           sum(silver_bytes)::bigint            AS silver_bytes,
           sum(quarantine_bytes)::bigint        AS quarantine_bytes,
           min(first_day)                       AS first_day,
           max(last_day)                        AS last_day,
           max(recorded_at)                     AS last_update
    FROM catalog_split
    GROUP BY dataset
), files AS (
    SELECT dataset, max(bronze_bytes) AS bytes, max(bronze_rows) AS rows, bool_and(bronze_bytes IS NOT NULL) AS known
    FROM catalog_split
    GROUP BY dataset, bronze_container, bronze_path
), bronze AS (
    -- the whole files' figures only when every split of every file said them (silver-ready 1.1)
    SELECT dataset,
           count(*)::bigint                                   AS bronze_files,
           CASE WHEN bool_and(known) THEN sum(bytes) END::bigint AS bronze_bytes,
           CASE WHEN bool_and(known) THEN sum(rows) END::bigint  AS bronze_file_rows
    FROM files
    GROUP BY dataset
)
SELECT splits.*, bronze.bronze_files, bronze.bronze_bytes, bronze.bronze_file_rows
FROM splits JOIN bronze USING (dataset);

CREATE VIEW catalog_ingestion AS
SELECT dataset,
       ingestion_id::text                            AS ingestion_id,
       min(bronze_container || '/' || bronze_path)  AS bronze_file,
       max(bronze_bytes)                             AS bronze_bytes,
       min(source_name)                              AS source_name,
       min(source_uri)                               AS source_uri,
       max(split_count)                              AS splits,
       count(*)::integer                             AS splits_built,
       sum(rows_in)::bigint                          AS rows_in,
       sum(rows_written)::bigint                     AS written,
       sum(duplicates)::bigint                       AS duplicates,
       sum(quarantined)::bigint                      AS quarantined,
       min(first_day)                                AS first_day,
       max(last_day)                                 AS last_day,
       min(recorded_at)                              AS first_built,
       max(recorded_at)                              AS last_built
FROM catalog_split
GROUP BY dataset, ingestion_id;

CREATE VIEW catalog_quarantine AS
SELECT dataset, rule.key AS rule, sum(rule.value::bigint)::bigint AS quarantined
FROM catalog_split, jsonb_each_text(quarantined_by_rule) AS rule
GROUP BY dataset, rule.key;
