package dev.clicklake.ingest.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * This running replica, as the ledger's leases name it: the host name (the pod name on Kubernetes) and a
 * random part, new at every start, so that a restarted replica never takes a dead one's leases for its own.
 */
@ApplicationScoped
public class Replica {

    private final String id = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElse("replica")
            + "/" + UUID.randomUUID().toString().substring(0, 8);

    public String id() {
        return id;
    }
}
