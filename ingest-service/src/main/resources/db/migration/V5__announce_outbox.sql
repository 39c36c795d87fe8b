-- The bronze-landed outbox: a LANDED ingestion with published_at null is still to be announced. A sender claims
-- it until announce_claimed_until (no other round or replica sends it meanwhile); after a failed send the same
-- column holds the time of the next attempt (backoff), announce_attempts counts the sends tried, announce_error
-- keeps the last failure.
ALTER TABLE ingestion ADD COLUMN announce_claimed_until TIMESTAMPTZ;
ALTER TABLE ingestion ADD COLUMN announce_attempts      INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ingestion ADD COLUMN announce_error         TEXT;
