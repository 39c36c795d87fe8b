package dev.clicklake.ingest.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clicklake.ingest.ledger.Ingestion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The re-announcer's decisions with an in-memory outbox and a sender that fails on demand. */
class ReannouncerTest {

    /** Hands out what is unannounced and not claimed, like the ledger's claim. */
    static final class MemoryOutbox implements AnnouncementOutbox {
        final Map<UUID, Ingestion> unannounced = new LinkedHashMap<>();
        final Set<UUID> claimed = new HashSet<>();
        final List<UUID> announced = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        Ingestion add() {
            Ingestion ingestion = new Ingestion();
            ingestion.id = UUID.randomUUID();
            unannounced.put(ingestion.id, ingestion);
            return ingestion;
        }

        @Override
        public List<Ingestion> claim(int max) {
            List<Ingestion> out = unannounced.values().stream().filter(i -> !claimed.contains(i.id)).limit(max).toList();
            out.forEach(i -> {
                claimed.add(i.id);
                i.announceAttempts++;
            });
            return out;
        }

        @Override
        public void announced(UUID id) {
            unannounced.remove(id);
            claimed.remove(id);
            announced.add(id);
        }

        @Override
        public void failed(UUID id, String error) {
            claimed.remove(id); // the backoff is the ledger's; here it is free again at once
            failures.add(error);
        }
    }

    @Test
    void aFailingSendIsRecordedAndTheIngestionIsAnnouncedByALaterRound() {
        MemoryOutbox outbox = new MemoryOutbox();
        Ingestion pending = outbox.add();
        boolean[] brokerDown = {true};
        List<UUID> sent = new ArrayList<>();
        Reannouncer reannouncer = new Reannouncer(outbox, ingestion -> {
            if (brokerDown[0]) {
                throw new IllegalStateException("broker unreachable");
            }
            sent.add(ingestion.id);
        });

        assertEquals(0, reannouncer.round(10));
        assertEquals(List.of(), outbox.announced, "a failed send is not an announcement");
        assertEquals(1, outbox.failures.size());
        assertTrue(outbox.failures.get(0).contains("broker unreachable"), outbox.failures.toString());
        assertTrue(outbox.unannounced.containsKey(pending.id), "still in the outbox");

        brokerDown[0] = false;
        assertEquals(1, reannouncer.round(10));
        assertEquals(List.of(pending.id), sent);
        assertEquals(List.of(pending.id), outbox.announced);
        assertEquals(0, reannouncer.round(10), "nothing is sent twice once announced");
        assertEquals(2, pending.announceAttempts);
    }

    @Test
    void aRoundSendsOnlyWhatItClaimedSoASendInFlightIsNotDoubled() {
        MemoryOutbox outbox = new MemoryOutbox();
        Ingestion inFlight = outbox.add();
        Ingestion waiting = outbox.add();
        outbox.claimed.add(inFlight.id); // its receiver holds the claim while its first send is under way
        List<UUID> sent = new ArrayList<>();
        Reannouncer reannouncer = new Reannouncer(outbox, ingestion -> sent.add(ingestion.id));

        assertEquals(1, reannouncer.round(10));
        assertEquals(List.of(waiting.id), sent);
        assertFalse(outbox.announced.contains(inFlight.id));
    }

    @Test
    void aRoundTakesAtMostItsBatch() {
        MemoryOutbox outbox = new MemoryOutbox();
        for (int i = 0; i < 5; i++) {
            outbox.add();
        }
        Reannouncer reannouncer = new Reannouncer(outbox, ingestion -> { });
        assertEquals(2, reannouncer.round(2));
        assertEquals(2, reannouncer.round(2));
        assertEquals(1, reannouncer.round(2));
    }

    @Test
    void theBackoffDoublesFromTheFirstWaitUpToTheCap() {
        Duration first = Duration.ofSeconds(10);
        Duration max = Duration.ofMinutes(1);
        assertEquals(Duration.ofSeconds(10), Reannouncer.backoff(1, first, max));
        assertEquals(Duration.ofSeconds(20), Reannouncer.backoff(2, first, max));
        assertEquals(Duration.ofSeconds(40), Reannouncer.backoff(3, first, max));
        assertEquals(max, Reannouncer.backoff(4, first, max));
        assertEquals(max, Reannouncer.backoff(1000, first, max));
    }
}
