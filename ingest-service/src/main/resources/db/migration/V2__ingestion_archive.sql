-- The archive (gzip or zip) a landed CSV file came out of: bronze holds the decompressed CSV, the ledger
-- keeps the name, size and SHA-256 of the bytes that were actually received.
ALTER TABLE ingestion ADD COLUMN archive_name   TEXT;
ALTER TABLE ingestion ADD COLUMN archive_bytes  BIGINT;
ALTER TABLE ingestion ADD COLUMN archive_sha256 CHAR(64);
