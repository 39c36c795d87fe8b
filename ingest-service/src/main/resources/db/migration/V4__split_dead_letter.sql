-- A split whose message was refused downstream and dead-lettered: where and why (the first such dead letter;
-- later ones for the same split change nothing). The ingestion is then FAILED, so the same content may land
-- again as a new ingestion (the unique index ingestion_content_once leaves FAILED ingestions out).
ALTER TABLE ingestion_split ADD COLUMN dead_letter_topic     TEXT;
ALTER TABLE ingestion_split ADD COLUMN dead_letter_partition INTEGER;
ALTER TABLE ingestion_split ADD COLUMN dead_letter_offset    BIGINT;
ALTER TABLE ingestion_split ADD COLUMN dead_letter_reason    TEXT;
ALTER TABLE ingestion_split ADD COLUMN dead_lettered_at      TIMESTAMPTZ;
