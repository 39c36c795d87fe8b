package dev.clicklake.ingest.pipeline;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RECEIVING ingestions a live thread of this replica is working on right now: the only ones whose leases
 * the heartbeat renews ({@link ReceivingLeases}). A row this replica left RECEIVING without anyone working on
 * it (a bug, a thread that died) is not renewed, so its lease runs out and it is failed "receiver lost".
 * Holds are counted: a source being read again from byte 0 stays held between its attempts.
 */
@ApplicationScoped
public class ActiveReceivers {

    private final ConcurrentHashMap<UUID, Integer> held = new ConcurrentHashMap<>();

    public void hold(UUID id) {
        held.merge(id, 1, Integer::sum);
    }

    public void release(UUID id) {
        held.computeIfPresent(id, (key, count) -> count == 1 ? null : count - 1);
    }

    public Set<UUID> held() {
        return Set.copyOf(held.keySet());
    }
}
