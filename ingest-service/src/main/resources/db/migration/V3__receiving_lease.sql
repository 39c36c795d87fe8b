-- A replica's claim on a RECEIVING ingestion: renewed by that replica's heartbeat; once it has run out, the
-- receiver is taken as lost (crashed or cut off) and any replica fails the ingestion.
ALTER TABLE ingestion ADD COLUMN lease_owner      TEXT;
ALTER TABLE ingestion ADD COLUMN lease_expires_at TIMESTAMPTZ;
UPDATE ingestion SET lease_expires_at = updated_at + INTERVAL '10 minutes' WHERE status = 'RECEIVING';
CREATE INDEX ingestion_receiving_lease ON ingestion (lease_expires_at) WHERE status = 'RECEIVING';
