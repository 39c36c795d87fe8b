package dev.clicklake.ingest.messaging;

import dev.clicklake.ingest.ledger.Ingestion;
import java.util.List;
import java.util.UUID;

/** The ledger as the outbox of bronze-landed announcements: what is still to be announced, and how it went. */
public interface AnnouncementOutbox {

    /**
     * Up to {@code max} LANDED, unannounced ingestions whose claim has run out (or that were never claimed),
     * each now claimed for this sender: nobody else sends them until the claim runs out again.
     */
    List<Ingestion> claim(int max);

    /** Every split of the ingestion was acknowledged by the broker. */
    void announced(UUID id);

    /** The send failed: the ingestion stays unannounced and is tried again after a backoff. */
    void failed(UUID id, String error);
}
