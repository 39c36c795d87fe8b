package dev.clicklake.ingest.ledger;

/**
 * The ingestion is not RECEIVING any more, so what this replica received for it cannot be recorded: its
 * lease ran out (a pause or a database outage longer than the lease) and another replica failed it.
 */
public final class NoLongerReceivingException extends RuntimeException {

    private final transient Ingestion current;

    public NoLongerReceivingException(Ingestion current) {
        super("ingestion " + current.id + " is " + current.status + ", no longer RECEIVING: " + current.reason);
        this.current = current;
    }

    public Ingestion current() {
        return current;
    }
}
