package dev.clicklake.ingest.messaging;

import dev.clicklake.ingest.ledger.Ingestion;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Announces landed ingestions from the outbox: the first time right after landing, again in every round for
 * what is still unannounced (a broker outage, a crash between landing and announcing). A send that fails is
 * recorded and left for a later round; only what the outbox hands out (claimed) is sent, so a send in flight
 * is never doubled by a round. Plain Java: the scheduling and the ledger are {@link PendingAnnouncements}'.
 */
public final class Reannouncer {

    private static final Logger LOG = Logger.getLogger(Reannouncer.class);

    /** Sends one ingestion's bronze-landed messages, returning once the broker acknowledged them all. */
    @FunctionalInterface
    public interface Sender {
        void send(Ingestion ingestion) throws Exception;
    }

    private final AnnouncementOutbox outbox;
    private final Sender sender;

    public Reannouncer(AnnouncementOutbox outbox, Sender sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    /** Sends an ingestion the caller holds the claim of; answers whether it is announced now. */
    public boolean announce(Ingestion ingestion) {
        try {
            sender.send(ingestion);
        } catch (Exception e) {
            LOG.errorf("ingestion %s landed but could not be announced yet (attempt %d): %s", ingestion.id,
                    ingestion.announceAttempts, e.toString());
            outbox.failed(ingestion.id, e.toString());
            return false;
        }
        outbox.announced(ingestion.id);
        return true;
    }

    /** One round: claims up to {@code batchSize} unannounced ingestions and sends them; answers how many went out. */
    public int round(int batchSize) {
        int announced = 0;
        for (Ingestion pending : outbox.claim(batchSize)) {
            if (announce(pending)) {
                announced++;
            }
        }
        return announced;
    }

    /** The wait before the next attempt after {@code attempts} failed ones: {@code first}, doubled each time, capped. */
    public static Duration backoff(int attempts, Duration first, Duration max) {
        Duration wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
