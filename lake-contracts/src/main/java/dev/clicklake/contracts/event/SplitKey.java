package dev.clicklake.contracts.event;

import java.util.Optional;
import java.util.UUID;

/**
 * The Kafka record key of a split's messages ({@code bronze-landed}, {@code silver-ready}):
 * {@code <ingestion id>/<split index>}. One key per split keeps a split's messages in order on one partition,
 * and lets a copy of the record (a dead letter) be traced back to its split without reading the body.
 */
public record SplitKey(UUID ingestionId, int index) {

    public SplitKey {
        if (index < 0) {
            throw new IllegalArgumentException("split index " + index + " < 0");
        }
    }

    /** The key of split {@code index} of ingestion {@code ingestionId}. */
    public static String of(String ingestionId, int index) {
        return ingestionId + "/" + index;
    }

    /** The split a record key names; empty when the key is not of the form {@code <uuid>/<index>}. */
    public static Optional<SplitKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        int slash = key.indexOf('/');
        if (slash < 0 || slash != key.lastIndexOf('/')) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(key.substring(0, slash));
            int index = Integer.parseInt(key.substring(slash + 1));
            if (index < 0 || !id.toString().equalsIgnoreCase(key.substring(0, slash))) {
                return Optional.empty();
            }
            return Optional.of(new SplitKey(id, index));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return of(ingestionId.toString(), index);
    }
}
