package dev.clicklake.contracts.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each service may do with each layer of the lake: the one matrix that the local stack's container SAS tokens
 * ({@link ContainerSasMinter}) and the AKS role assignments ({@code deploy/azure/lake-identities.bicep}) both follow.
 * A layer a service has no right on is absent: it holds no credential for it at all.
 */
public enum LakeAccess {
    /** Lands raw files: writes bronze, nothing else. */
    INGEST("ingest-service", Map.of(Layer.BRONZE, Right.WRITE)),
    /** Reads bronze, writes silver. */
    ENRICH("enrich-service", Map.of(Layer.BRONZE, Right.READ, Layer.SILVER, Right.WRITE)),
    /** Reads silver, writes gold. */
    KPI("kpi-service", Map.of(Layer.SILVER, Right.READ, Layer.GOLD, Right.WRITE));

    /** The three medallion layers, each one container. */
    public enum Layer { BRONZE, SILVER, GOLD }

    /**
     * A right on a layer's container, as SAS permissions: {@code READ} reads and lists; {@code WRITE} also adds,
     * creates, writes and deletes objects (the lake's atomic writes stage and commit blocks; clean-up deletes).
     */
    public enum Right {
        READ("rl"), WRITE("racwdl");

        private final String sasPermissions;

        Right(String sasPermissions) {
            this.sasPermissions = sasPermissions;
        }

        public String sasPermissions() {
            return sasPermissions;
        }
    }

    private final String service;
    private final Map<Layer, Right> rights;

    LakeAccess(String service, Map<Layer, Right> rights) {
        this.service = service;
        this.rights = rights;
    }

    /** The service's name, e.g. {@code ingest-service}. */
    public String service() {
        return service;
    }

    /** The service's right on each layer it may touch, in layer order. */
    public Map<Layer, Right> rights() {
        Map<Layer, Right> ordered = new LinkedHashMap<>();
        for (Layer layer : Layer.values()) {
            if (rights.containsKey(layer)) {
                ordered.put(layer, rights.get(layer));
            }
        }
        return ordered;
    }
}
